from django.db import models


class Severity(models.TextChoices):
    INFO = "info", "Info"
    CAUTION = "caution", "Caution"
    WARNING = "warning", "Warning"


SEVERITY_RANK = {Severity.INFO: 0, Severity.CAUTION: 1, Severity.WARNING: 2}


class SafetyNote(models.Model):
    """A short safety text. Attached to categories (shown on every product in them) and to
    single products; one note can serve many of either."""

    text = models.TextField(help_text="One or two short, plain sentences.")
    severity = models.CharField(max_length=10, choices=Severity.choices, default=Severity.CAUTION)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["severity", "text"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(severity__in=Severity.values), name="safetynote_severity_valid"
            ),
            models.CheckConstraint(condition=~models.Q(text=""), name="safetynote_text_not_empty"),
        ]

    def __str__(self) -> str:
        text = self.text if len(self.text) <= 70 else self.text[:67] + "..."
        return f"{self.get_severity_display()}: {text}"

    @property
    def rank(self) -> int:
        return SEVERITY_RANK.get(self.severity, 0)


def by_severity(notes) -> list[SafetyNote]:
    """Most severe first; each note once even if it is attached twice."""
    unique = {note.pk: note for note in notes}
    return sorted(unique.values(), key=lambda note: (-note.rank, note.text))
