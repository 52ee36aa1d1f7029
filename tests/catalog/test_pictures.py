"""Pictures: a line drawing per kind of product, several photos per product in responsive
sizes with alt text (uploads checked and re-encoded), shown in cards, product pages, guide
picks and finder results, without extra queries on listing pages."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from catalog.drawings import Drawing
from catalog.models import Product, ProductPhoto
from tests.catalog.test_admin import product_form
from tests.catalog.test_images import GPS_IFD, exif_with_gps
from tests.factories import (
    CategoryFactory,
    PickFactory,
    ProductFactory,
    SafetyNoteFactory,
    SectionFactory,
    kind_category,
)

pytestmark = pytest.mark.django_db

DRAWINGS = Path(settings.BASE_DIR) / "static" / "catalog" / "drawings"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def jpeg(size=(1200, 900), **save) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, "teal").save(output, format="JPEG", **save)
    return output.getvalue()


def add_photo(product, alt="The cuffs laid flat", position=0, size=(1200, 900)):
    photo = ProductPhoto(product=product, alt=alt, position=position)
    photo.image.save("photo.jpg", ContentFile(jpeg(size)), save=False)
    photo.save()
    photo.refresh_from_db()
    return photo


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def images(html: str) -> list[str]:
    return re.findall(r"<img [^>]*>", html)


# --- drawings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "attributes", "expected"),
    [
        ("restraints", {"restraint_type": "wrist"}, "cuffs"),
        ("restraints", {"restraint_type": "ankle"}, "cuffs"),
        ("restraints", {"restraint_type": "under-bed"}, "under-bed"),
        ("restraints", {"restraint_type": "spreader", "for_beginner": False}, "spreader"),
        ("restraints", {"restraint_type": "safety-shears"}, "shears"),
        ("cock-rings", {"ring_fit": "soft"}, "soft-ring"),
        ("cock-rings", {"ring_fit": "adjustable"}, "adjustable-ring"),
        ("cock-rings", {"ring_fit": "rigid", "for_beginner": False}, "steel-ring"),
        ("vibrators", {"vibrator_type": "bullet"}, "bullet"),
        ("vibrators", {"vibrator_type": "wand"}, "wand"),
        ("vibrators", {"vibrator_type": "egg"}, "egg"),
        ("vibrators", {"vibrator_type": "rabbit"}, "rabbit"),
        ("vibrators", {"vibrator_type": "massager"}, "massager"),
        ("vibrators", {"vibrator_type": "ring"}, "vibrating-ring"),
        ("impact", {}, "paddle"),
        ("impact", {"drawing": "flogger"}, "flogger"),
        ("lubricants", {}, "bottle"),
        ("lubricants", {"drawing": "sachet"}, "sachet"),
        ("general", {}, "general"),
    ],
)
def test_the_drawing_follows_the_kind_of_product(kind, attributes, expected):
    attributes.setdefault("for_experienced", True)
    product = ProductFactory(category=kind_category(kind), **attributes)
    assert product.drawing_name == expected
    assert product.drawing_url.endswith(f"/catalog/drawings/{expected}.svg")


def test_a_chosen_drawing_wins_over_the_attributes():
    product = ProductFactory(category=kind_category("cock-rings"), drawing="steel-ring")
    assert product.drawing_name == "steel-ring"


def test_every_drawing_is_a_small_titled_svg():
    for name in Drawing.values:
        svg = (DRAWINGS / f"{name}.svg").read_text()
        assert svg.startswith("<svg ") and "<title>Drawing of " in svg, name
        assert "<script" not in svg and "href" not in svg, name
        assert len(svg) < 3000, name


def test_a_catalog_page_of_the_demo_is_not_rows_of_the_same_picture(client):
    from catalog.demo import load_catalog

    load_catalog()
    html = page(client, "/catalog/?per_page=48")
    drawn = re.findall(r'data-drawing="([^"]+)"', html)
    assert len(drawn) >= 20
    assert len(set(drawn)) >= 12  # paddles, floggers, cuffs, shears, rings, bottles, bullets...
    impact = dict(Product.objects.filter(category__kind="impact").values_list("slug", "drawing"))
    assert impact["soft-suede-flogger"] == "flogger"
    assert impact["two-face-slapper"] == "slapper"


# --- photos --------------------------------------------------------------------------------


def test_photos_come_in_responsive_sizes_with_their_alt_text(client, media):
    product = ProductFactory(category=kind_category("restraints"), name="Soft Cuffs")
    add_photo(product, alt="The cuffs laid flat, buckles open", position=0)
    add_photo(product, alt="One cuff closed around a rolled towel", position=1)
    html = page(client, product.get_absolute_url())
    photos = [tag for tag in images(html) if "srcset=" in tag]
    assert len(photos) == 2
    cover, second = photos
    assert 'alt="The cuffs laid flat, buckles open"' in cover
    assert 'alt="One cuff closed around a rolled towel"' in second
    srcset = re.search(r'srcset="([^"]+)"', cover).group(1)
    widths = [int(w) for w in re.findall(r" (\d+)w", srcset)]
    assert widths == [240, 480, 960]
    assert 'width="1200" height="900"' in cover
    # The sizes exist (made when the photo was saved), as WebP, no wider than they say.
    for url, width in re.findall(r"(\S+) (\d+)w", srcset):
        path = media / url.removeprefix(settings.MEDIA_URL)
        with Image.open(path) as size:
            assert size.format == "WEBP"
            assert size.width == int(width)
            assert not size.getexif()


def test_a_small_photo_is_never_blown_up(client):
    product = ProductFactory(category=kind_category("restraints"))
    photo = add_photo(product, size=(400, 300))
    assert [width for _, width in photo.renditions] == [240, 400]


def test_cards_show_the_cover_photo_and_fall_back_to_the_drawing(client):
    restraints = kind_category("restraints")
    with_photo = ProductFactory(category=restraints, name="Photo Cuffs")
    add_photo(with_photo, alt="Grey cuffs on a white table", position=3)
    add_photo(with_photo, alt="A later photo", position=7)
    ProductFactory(category=restraints, name="Drawn Shears", restraint_type="safety-shears")
    html = page(client, "/catalog/restraints/")
    tags = images(html)
    assert any('alt="Grey cuffs on a white table"' in tag and "srcset=" in tag for tag in tags)
    assert not any("A later photo" in tag for tag in tags)
    assert any('data-drawing="shears"' in tag and 'alt=""' in tag for tag in tags)


def test_the_product_page_names_its_drawing(client):
    product = ProductFactory(category=kind_category("cock-rings"), ring_fit="adjustable")
    html = page(client, product.get_absolute_url())
    assert 'alt="Drawing: adjustable ring"' in html


def test_an_uploaded_photo_is_re_encoded_without_metadata_and_needs_alt_text(curator_client, media):
    category = CategoryFactory(kind="restraints", name="Restraints")
    original = jpeg(exif=exif_with_gps())
    data = product_form(
        category,
        **{
            "photos-TOTAL_FORMS": "1",
            "photos-0-image": SimpleUploadedFile("IMG_2041.jpg", original),
            "photos-0-alt": "",
            "photos-0-position": "0",
        },
    )
    response = curator_client.post(reverse("admin:catalog_product_add"), data)
    assert response.status_code == 200  # the form again, with the error
    assert "This field is required" in response.content.decode()
    assert not Product.objects.filter(slug="new-cuffs").exists()

    data["photos-0-image"] = SimpleUploadedFile("IMG_2041.jpg", original)
    data["photos-0-alt"] = "Cuffs on a table"
    response = curator_client.post(reverse("admin:catalog_product_add"), data)
    assert response.status_code == 302
    photo = ProductPhoto.objects.get(product__slug="new-cuffs")
    assert "IMG_2041" not in photo.image.name
    with Image.open(media / photo.image.name) as stored:
        assert not stored.getexif().get_ifd(GPS_IFD)
    assert (photo.width, photo.height) == (1200, 900)
    for size in (photo.w240, photo.w480, photo.w960):
        assert (media / size.name).exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.pdf", b"%PDF-1.4 not a picture"),
        ("cuffs.jpg", b"GIF89a\x01\x00\x01\x00 a gif with a jpeg's name"),
        ("cuffs.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>1</script></svg>"),
    ],
)
def test_a_photo_that_is_not_a_picture_is_a_form_error(curator_client, name, content):
    category = CategoryFactory(kind="restraints", name="Restraints")
    data = product_form(
        category,
        **{
            "photos-TOTAL_FORMS": "1",
            "photos-0-image": SimpleUploadedFile(name, content),
            "photos-0-alt": "Cuffs",
            "photos-0-position": "0",
        },
    )
    response = curator_client.post(reverse("admin:catalog_product_add"), data)
    assert response.status_code == 200
    assert "errornote" in response.content.decode()
    assert not ProductPhoto.objects.exists()


def test_the_database_refuses_a_photo_without_alt_text():
    from django.db import IntegrityError, transaction

    product = ProductFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ProductPhoto.objects.create(
            product=product, image="products/photos/x.jpg", alt="", width=40, height=30
        )


# --- pictures in lists, at a constant number of queries ---------------------------------------


def count(client, url, django_assert_max_num_queries) -> int:
    with django_assert_max_num_queries(40) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("url", ["/catalog/", "/catalog/restraints/", "/"])
def test_photos_add_no_query_to_listing_pages(client, settings, url, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    restraints = kind_category("restraints", safety_notes=[SafetyNoteFactory()])
    products = [
        ProductFactory(category=restraints, is_featured=True, name=f"Cuffs {n}") for n in range(6)
    ]
    without = count(client, url, django_assert_max_num_queries)
    for product in products:
        add_photo(product, size=(300, 225))
        add_photo(product, size=(300, 225), position=1)
    with_photos = count(client, url, django_assert_max_num_queries)
    assert with_photos == without
    assert "srcset=" in page(client, url)


def guide_with_picks(products):
    section = SectionFactory(with_category=True, guide__slug="rough-play")
    for position, product in enumerate(products):
        product.category = section.category
        product.save()
        PickFactory(section=section, product=product, level="beginner", position=position)
    return section


def test_guide_picks_show_pictures_at_a_constant_number_of_queries(
    client, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    notes = [SafetyNoteFactory()]
    products = [ProductFactory(name=f"Pick {n}", safety_notes=notes) for n in range(2)]
    section = guide_with_picks(products)
    url = section.guide.get_absolute_url()
    before = count(client, url, django_assert_max_num_queries)
    more = [ProductFactory(name=f"More {n}", safety_notes=notes) for n in range(4)]
    for product in more:
        product.category = section.category
        product.save()
        PickFactory(section=section, product=product, level="beginner", position=9)
        add_photo(product, alt=f"Photo of {product.name}", size=(300, 225))
    after = count(client, url, django_assert_max_num_queries)
    assert after == before
    html = page(client, url)
    picks = re.findall(r'<li class="card pick">.*?</li>', html, re.S)
    assert len(picks) == 6
    assert all("<img " in pick for pick in picks)
    assert 'alt="Photo of More 0"' in html


def test_the_demo_drawings_load_again_and_a_wrong_one_names_its_line(tmp_path):
    import shutil

    from catalog.demo import DATA_DIR, DemoDataError, load_catalog

    folder = tmp_path / "demo_data"
    shutil.copytree(DATA_DIR, folder)
    load_catalog(folder)
    (folder / "drawings.toml").write_text('soft-suede-flogger = "paddle"\n')
    load_catalog(folder)  # the flogger is a paddle now; the slapper follows its attributes
    drawings = dict(Product.objects.values_list("slug", "drawing"))
    assert drawings["soft-suede-flogger"] == "paddle"
    assert drawings["two-face-slapper"] == ""
    (folder / "drawings.toml").write_text('soft-suede-flogger = "whip"\n')
    with pytest.raises(DemoDataError, match=r"drawings\.toml, soft-suede-flogger: 'whip'"):
        load_catalog(folder)
    (folder / "drawings.toml").write_text('no-such-product = "paddle"\n')
    with pytest.raises(DemoDataError, match="no-such-product: no such product"):
        load_catalog(folder)
