"""Uploaded pictures: checked and re-encoded in one place, before anything is stored.

Every picture a curator uploads goes through `clean_picture` (the admin uses `PictureField`,
which calls it), so whatever is kept is a fresh image made of the upload's pixels only:

- **allow-list**: JPEG, PNG and WebP, judged by the content (what Pillow reads), with a name
  ending in .jpg, .jpeg, .png or .webp; anything else (PDF, ICO, SVG, GIF, a script with an
  image's name) is refused with a form error;
- **limits**: at most `MAX_UPLOAD_BYTES` and `MAX_PIXELS` (width × height, read from the
  header before decoding, so a decompression bomb is refused before it takes any memory);
- **re-encoded** in its own format: bytes after the image's end (a ZIP, a script) and the
  metadata (EXIF with GPS position and camera serial, XMP, comments, text chunks, embedded
  thumbnails) are not carried over. The EXIF orientation is applied first, so a photo stays
  upright; the colour profile is kept, so colours do not shift. The file gets a fresh random
  name with the right extension (the original name is not kept either).

Reusable as is for more pictures per product and for responsive sizes (derive them from the
re-encoded image, not from the upload).
"""

import io
import os
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageOps

# Pillow's name of each allowed format: (the stored file's extension, its content type).
FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
}
EXTENSIONS = frozenset({"jpg", "jpeg", "png", "webp"})
ACCEPT = ",".join(content_type for _, content_type in FORMATS.values())
MAX_UPLOAD_BYTES = 10 * 1024 * 1024  # as the reverse proxy's client_max_body_size
MAX_PIXELS = 40_000_000  # e.g. 8000 × 5000: far more than a product picture needs
JPEG_QUALITY = WEBP_QUALITY = 88

MESSAGES = {
    "type": "Upload a JPEG, PNG or WebP picture; other kinds of file are not accepted.",
    "size": "This file is %(size)s MB; the largest picture we take is %(max)s MB.",
    "pixels": "This picture is %(width)d × %(height)d pixels; the largest we take is "
    "%(max)d megapixels (for example 8000 × 5000).",
    "broken": "This picture could not be read: it may be damaged or not a picture at all.",
}


def refuse(code: str, **params) -> ValidationError:
    return ValidationError(MESSAGES[code], code=code, params=params)


def check_upload(upload) -> None:
    """What can be judged before reading the picture: its size and its name."""
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise refuse(
            "size", size=f"{upload.size / 1024 / 1024:.1f}", max=MAX_UPLOAD_BYTES // 1024 // 1024
        )
    extension = os.path.splitext(upload.name or "")[1].lower().lstrip(".")
    if extension not in EXTENSIONS:
        raise refuse("type")


def reencode(image: Image.Image, image_format: str) -> bytes:
    """The pixels of `image`, saved afresh in `image_format`: nothing else is carried over."""
    image = ImageOps.exif_transpose(image)  # upright, and the orientation tag is gone
    icc_profile = image.info.get("icc_profile")
    transparency = image.info.get("transparency")
    image.info = {}  # no comment, EXIF, XMP or text chunk can ride along
    options: dict = {"icc_profile": icc_profile} if icc_profile else {}
    if image_format == "JPEG":
        if image.mode != "L":
            image = image.convert("RGB")
        options.update(quality=JPEG_QUALITY, optimize=True)
    elif image_format == "WEBP":
        has_alpha = image.mode in ("RGBA", "LA", "PA") or transparency is not None
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if has_alpha else "RGB")
        options.update(quality=WEBP_QUALITY)
    else:  # PNG keeps its mode; a palette's transparency is part of the pixels
        if transparency is not None:
            options["transparency"] = transparency
        options.update(optimize=True)
    output = io.BytesIO()
    image.save(output, format=image_format, **options)
    return output.getvalue()


def clean_picture(upload) -> SimpleUploadedFile:
    """The upload, checked and re-encoded (see the module's docstring), or ValidationError."""
    check_upload(upload)
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            if image.format not in FORMATS:
                raise refuse("type")
            width, height = image.size  # from the header: nothing decoded yet
            if width * height > MAX_PIXELS:
                raise refuse("pixels", width=width, height=height, max=MAX_PIXELS // 1_000_000)
            image_format = image.format
            content = reencode(image, image_format)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, OSError, SyntaxError, ValueError) as error:
        raise refuse("broken") from error
    extension, content_type = FORMATS[image_format]
    return SimpleUploadedFile(f"{uuid.uuid4().hex}.{extension}", content, content_type)


class PictureField(forms.ImageField):
    """An image field whose cleaned value is the re-encoded picture (`clean_picture`)."""

    default_validators = []  # Pillow's long list of extensions is replaced by EXTENSIONS
    widget = forms.ClearableFileInput(attrs={"accept": ACCEPT})  # the admin: AdminFileWidget

    def to_python(self, data):
        if data in self.empty_values:
            return None
        check_upload(data)
        checked = super().to_python(data)  # Django's own check that Pillow can read it
        return clean_picture(checked)
