"""Products as CSV: export, import that round-trips, validates like the admin, all or nothing."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from catalog.models import Product
from catalog.spreadsheet import COLUMNS, SpreadsheetError, export_csv, import_csv
from core.content import content_version
from tests.factories import MaterialFactory, ProductFactory, kind_category

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog():
    rings = kind_category("cock-rings")
    MaterialFactory(slug="tpe", name="TPE")
    ProductFactory(category=rings, slug="soft-loop", sku="R-1", name="Soft Loop", price="12.00")
    ProductFactory(category=rings, slug="steel-halo", sku="R-2", name="Steel Halo",
                   ring_fit="rigid", for_beginner=False, for_experienced=True)  # fmt: skip
    return rings


def exported() -> str:
    out = io.StringIO()
    export_csv(out)
    return out.getvalue()


def test_export_then_import_changes_nothing(catalog):
    text = exported()
    assert text.splitlines()[0] == ",".join(COLUMNS)
    result = import_csv(text)
    assert result.errors == [] and result.changed == []
    assert exported() == text


def test_export_edit_import_gives_exactly_the_edit(catalog):
    text = exported()
    edited = text.replace("Soft Loop,", "Soft Loop Deluxe,").replace(",12.00,", ",13.50,")
    result = import_csv(edited)
    assert result.saved and [c.slug for c in result.changed] == ["soft-loop"]
    assert exported() == edited


def test_a_bulk_stock_update_is_an_import_of_two_columns(catalog):
    import_csv("sku,stock\nR-1,0\nR-2,40\n")
    assert dict(Product.objects.values_list("sku", "stock")) == {"R-1": 0, "R-2": 40}


def test_an_unsafe_row_is_refused_with_its_row_and_field_and_nothing_is_saved(catalog):
    # Row 2 is fine, row 3 tags a rigid ring for beginners (an admin safety rule).
    result = import_csv("slug,price,levels\nsoft-loop,99.00,beginner\nsteel-halo,20.00,beginner\n")
    assert not result.saved
    [error] = result.errors
    assert error.startswith("Row 3, levels:") and "rigid" in error.lower()
    assert Product.objects.get(slug="soft-loop").price == 12  # row 2 was not saved either


def test_errors_name_the_row_and_the_column(catalog):
    result = import_csv(
        "slug,price,stock,category,published\n"
        "soft-loop,-1,3,cock-rings,yes\n"
        "steel-halo,5,lots,nowhere,maybe\n"
    )
    assert "Row 2, price: Ensure this value is greater than or equal to 0." in result.errors
    assert any(e.startswith("Row 3, category: There is no category") for e in result.errors)
    assert any(e.startswith("Row 3, published: Write yes or no") for e in result.errors)


def test_a_new_product_needs_the_required_columns(catalog):
    result = import_csv("slug,price\nnew-thing,5.00\n")
    assert result.errors[0].startswith("Row 2, slug: no product “new-thing”; to add one")


def test_a_new_product_is_added_with_every_check(catalog):
    header = "slug,sku,name,brand,category,price,levels,ring_fit\n"
    result = import_csv(header + "tpe-loop,R-3,TPE Loop,Kindred,cock-rings,9.00,beginner,soft\n")
    assert result.saved and result.changed[0].created
    assert Product.objects.get(slug="tpe-loop").ring_fit == "soft"
    refused = import_csv(header + "no-fit,R-4,No Fit,Kindred,cock-rings,9.00,beginner,\n")
    assert refused.errors == ["Row 2, ring_fit: Required for cock rings."]


def test_unreadable_files_are_refused_whole(catalog):
    with pytest.raises(SpreadsheetError, match="Unknown column"):
        import_csv("slug,colour\nsoft-loop,red\n")
    with pytest.raises(SpreadsheetError, match="slug or sku"):
        import_csv("name,price\nSoft Loop,3\n")


def test_the_import_bumps_the_content_version_once(catalog, django_capture_on_commit_callbacks):
    before = content_version()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        import_csv("slug,stock,price\nsoft-loop,5,1.00\nsteel-halo,6,2.00\n")
    assert len(callbacks) == 1
    for callback in callbacks:
        callback()
    assert content_version() > before


def test_a_dry_run_saves_nothing_and_says_what_would_change(catalog, tmp_path, capsys):
    path = tmp_path / "stock.csv"
    path.write_text("slug,stock\nsoft-loop,77\n")
    call_command("import_catalog", str(path), "--dry-run")
    out = capsys.readouterr().out
    assert "Row 2: “soft-loop”: stock:" in out and "'77'" in out
    assert "dry run: nothing saved" in out
    assert Product.objects.get(slug="soft-loop").stock != 77
    call_command("import_catalog", str(path))
    assert Product.objects.get(slug="soft-loop").stock == 77


def test_the_commands_export_to_stdout_and_refuse_with_exit_1(catalog, tmp_path, capsys):
    call_command("export_catalog")
    assert capsys.readouterr().out.startswith("slug,sku,name")
    path = tmp_path / "bad.csv"
    path.write_text("slug,price\nsoft-loop,free\n")
    with pytest.raises(CommandError) as error:
        call_command("import_catalog", str(path))
    assert error.value.returncode == 1
    assert "Row 2, price: Enter a number." in capsys.readouterr().err


def upload(text: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("products.csv", text.encode(), content_type="text/csv")


def test_curators_export_and_import_in_the_admin(curator_client, catalog):
    export = curator_client.get("/admin/catalog/product/export/")
    assert export["Content-Type"].startswith("text/csv")
    assert export.content.decode().startswith("slug,sku,name")
    url = "/admin/catalog/product/import/"
    bad = curator_client.post(url, {"file": upload("slug,levels\nsteel-halo,beginner\n")})
    page = bad.content.decode()
    assert "nothing was saved" in page and "Row 2, levels:" in page
    dry = curator_client.post(url, {"file": upload("slug,stock\nsoft-loop,9\n"), "dry_run": "on"})
    assert "Dry run: nothing saved" in dry.content.decode()
    assert Product.objects.get(slug="soft-loop").stock != 9
    done = curator_client.post(url, {"file": upload("slug,stock\nsoft-loop,9\n")})
    assert done.status_code == 302 and Product.objects.get(slug="soft-loop").stock == 9


def test_a_file_that_is_not_a_product_sheet_is_a_form_error(curator_client, catalog):
    response = curator_client.post(
        "/admin/catalog/product/import/", {"file": upload("\x00\xff garbage")}
    )
    assert response.status_code == 200
    assert 'id="import-problem"' in response.content.decode()


def test_a_cell_that_looks_like_a_formula_is_exported_as_text_and_round_trips(catalog):
    Product.objects.filter(slug="soft-loop").update(name="=HYPERLINK(1)")
    text = exported()
    assert ",'=HYPERLINK(1)," in text
    assert import_csv(text).changed == []
    assert Product.objects.get(slug="soft-loop").name == "=HYPERLINK(1)"
