"""Product photos: several per product, in order, each with alt text, in responsive sizes.

An upload is checked and re-encoded by `catalog.images` (the admin's `PictureField`), so the
stored original holds the pixels only (no EXIF, GPS or trailing bytes). The sizes a page asks
for (`srcset`) are made from that original by django-imagekit: resized to fit a width, saved as
WebP, with nothing but the pixels (pilkit saves no metadata). They are written when the photo is
saved (the Optimistic strategy, settings.IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY), so a page only
builds their URLs and never touches the disk or the database for them.
"""

from django.db import models
from django.db.models import OuterRef, Q, Subquery
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFit

# The widths made of every photo, in CSS pixels at 1x and 2x of a card (240) and a page (480).
WIDTHS = (240, 480, 960)
RENDITION_QUALITY = 82


def rendition(width: int) -> ImageSpecField:
    return ImageSpecField(
        source="image",
        processors=[ResizeToFit(width=width, upscale=False)],
        format="WEBP",
        options={"quality": RENDITION_QUALITY},
    )


COVER_COLUMNS = {"cover_image": "image", "cover_alt": "alt", "cover_width": "width"}
COVER_COLUMNS["cover_height"] = "height"


def cover_columns(product_ref: str = "pk") -> dict:
    """Annotations with the first photo of the product whose id is `product_ref` (a field of
    the rows annotated): its file name, alt text and size, read in the rows' own query."""
    first = ProductPhoto.objects.filter(product=OuterRef(product_ref)).order_by("position", "pk")
    return {name: Subquery(first.values(field)[:1]) for name, field in COVER_COLUMNS.items()}


class ProductPhoto(models.Model):
    product = models.ForeignKey("catalog.Product", on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(
        upload_to="products/photos/",
        width_field="width",
        height_field="height",
        help_text="JPEG, PNG or WebP. Neutral product shots only: no people. Smaller sizes "
        "are made from it, and its metadata (camera, location) is removed.",
    )
    alt = models.CharField(
        "alt text",
        max_length=200,
        help_text="What the photo shows, for people who cannot see it: e.g. “The paddle "
        "from the side, showing its padded face”.",
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Photos show in this order; the first is the cover."
    )
    # Read from the picture when it is saved, so pages never open the file to size it.
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)

    w240 = rendition(240)
    w480 = rendition(480)
    w960 = rendition(960)

    class Meta:
        ordering = ["position", "pk"]
        indexes = [models.Index(fields=["product", "position"], name="productphoto_order")]
        constraints = [
            models.CheckConstraint(condition=~Q(alt=""), name="productphoto_alt_required"),
        ]

    def __str__(self) -> str:
        return self.alt

    @property
    def srcset(self) -> str:
        return ", ".join(f"{url} {width}w" for url, width in self.renditions)

    @property
    def src(self) -> str:
        """The fallback for browsers without srcset: the middle size (or the largest made)."""
        renditions = self.renditions
        return renditions[min(1, len(renditions) - 1)][0]

    @property
    def renditions(self) -> list[tuple[str, int]]:
        """(URL, width) of each size no wider than the original, smallest first."""
        original = self.width
        sizes = []
        for width in WIDTHS:
            sizes.append((getattr(self, f"w{width}").url, min(width, original or width)))
            if original and original <= width:
                break
        return sizes


def cover_from_columns(row) -> ProductPhoto | None:
    """The cover photo named by a row read with `cover_columns` (a product, a card's row), or
    None when it has no photo: no query."""
    if not row.cover_image:
        return None
    columns = {field: getattr(row, name) for name, field in COVER_COLUMNS.items()}
    return ProductPhoto(product_id=row.pk, **columns)
