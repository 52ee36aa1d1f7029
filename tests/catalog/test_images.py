"""Product pictures uploaded in the admin: JPEG, PNG and WebP only, within size and pixel
limits, and stored re-encoded, so trailing bytes and metadata (GPS position) never reach the
media folder (catalog/images.py)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, PngImagePlugin

from catalog import images
from catalog.models import Product
from tests.catalog.test_admin import product_form
from tests.factories import CategoryFactory

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ZIP_TAIL = b"PK\x03\x04 a hidden archive after the picture's end"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def picture(image_format="JPEG", size=(40, 30), mode="RGB", **save) -> bytes:
    output = io.BytesIO()
    Image.new(mode, size, "teal" if mode != "1" else 1).save(output, format=image_format, **save)
    return output.getvalue()


def exif_with_gps(orientation: int | None = None) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)})
    if orientation:
        exif[0x0112] = orientation
    return exif.tobytes()


def upload(curator_client, content: bytes, name: str):
    category = CategoryFactory(kind="restraints", name="Restraints")
    data = product_form(category, image=SimpleUploadedFile(name, content))
    return curator_client.post(reverse("admin:catalog_product_add"), data)


def stored(media) -> tuple[str, bytes]:
    product = Product.objects.get(slug="new-cuffs")
    return product.image.name, (media / product.image.name).read_bytes()


def test_a_jpeg_is_stored_without_its_gps_position_comment_or_trailing_bytes(curator_client, media):
    original = picture(exif=exif_with_gps(), comment=b"shot at home") + ZIP_TAIL
    with Image.open(io.BytesIO(original)) as seen:
        assert seen.getexif().get_ifd(GPS_IFD)  # the upload does carry a position
    response = upload(curator_client, original, "IMG_2041 at home.jpg")
    assert response.status_code == 302
    name, content = stored(media)
    assert name.startswith("products/") and name.endswith(".jpg")
    assert "IMG_2041" not in name and "home" not in name
    assert content.endswith(b"\xff\xd9")  # the JPEG's end: nothing after it
    assert ZIP_TAIL not in content and b"PhoneMaker" not in content
    with Image.open(io.BytesIO(content)) as kept:
        assert kept.format == "JPEG" and kept.size == (40, 30)
        assert not kept.getexif() and "comment" not in kept.info


def test_a_sideways_photo_is_stored_upright(curator_client, media):
    upload(curator_client, picture(size=(40, 30), exif=exif_with_gps(orientation=6)), "a.jpg")
    with Image.open(io.BytesIO(stored(media)[1])) as kept:
        assert kept.size == (30, 40)


def test_png_text_chunks_go_and_transparency_stays(curator_client, media):
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "made on Alex's laptop")
    response = upload(curator_client, picture("PNG", mode="RGBA", pnginfo=info), "drawing.png")
    assert response.status_code == 302
    name, content = stored(media)
    assert name.endswith(".png") and b"laptop" not in content
    with Image.open(io.BytesIO(content)) as kept:
        assert kept.mode == "RGBA" and "Comment" not in kept.info


def test_a_webp_is_stored_re_encoded_without_exif(curator_client, media):
    response = upload(curator_client, picture("WEBP", exif=exif_with_gps()), "shot.webp")
    assert response.status_code == 302
    name, content = stored(media)
    assert name.endswith(".webp") and b"PhoneMaker" not in content
    with Image.open(io.BytesIO(content)) as kept:
        assert kept.format == "WEBP" and not kept.getexif()


def test_the_content_decides_the_format_not_the_name(curator_client, media):
    assert upload(curator_client, picture("PNG"), "looks-like.jpg").status_code == 302
    assert stored(media)[0].endswith(".png")


def svg() -> bytes:
    return b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


ONLY_THESE = "Upload a JPEG, PNG or WebP picture; other kinds of file are not accepted."


@pytest.mark.parametrize(
    "content, name, message",
    [
        (lambda: picture("PDF"), "catalogue.pdf", ONLY_THESE),
        (lambda: picture("ICO", size=(32, 32)), "favicon.ico", ONLY_THESE),
        (lambda: picture("GIF", mode="P"), "anim.gif", ONLY_THESE),
        (lambda: picture("BMP"), "old.bmp", ONLY_THESE),
        (lambda: picture("PNG"), "picture.pdf", ONLY_THESE),  # a PNG, not an allowed name
        (lambda: picture("GIF", mode="P"), "sneaky.png", ONLY_THESE),  # the name, not the kind
        (lambda: picture("ICO", size=(32, 32)), "icon.webp", ONLY_THESE),
        (svg, "drawing.svg", ONLY_THESE),
        (lambda: b"<?php echo 'hi'; ?>", "shell.jpg", "Upload a valid image."),
    ],
)
def test_other_kinds_of_file_are_refused_with_a_form_error(curator_client, content, name, message):
    response = upload(curator_client, content(), name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Product.objects.filter(slug="new-cuffs").exists()


def test_a_picture_with_too_many_pixels_is_refused_before_it_is_decoded(curator_client):
    bomb = picture("PNG", size=(9000, 5000), mode="1")  # 45 megapixels in a few kilobytes
    assert len(bomb) < 100_000
    response = upload(curator_client, bomb, "huge.png")
    assert response.status_code == 200
    assert "This picture is 9000 × 5000 pixels; the largest we take is 40 megapixels" in (
        response.content.decode()
    )


def test_a_file_over_the_size_limit_is_refused(curator_client, monkeypatch):
    monkeypatch.setattr(images, "MAX_UPLOAD_BYTES", 1024 * 1024)
    big = picture("PNG", size=(200, 200)) + b"\0" * (1024 * 1024)
    response = upload(curator_client, big, "big.png")
    assert response.status_code == 200
    assert "the largest picture we take is 1 MB" in response.content.decode()


def test_the_file_input_asks_for_the_allowed_kinds_only(curator_client):
    html = curator_client.get(reverse("admin:catalog_product_add")).content.decode()
    assert 'accept="image/jpeg,image/png,image/webp"' in html
