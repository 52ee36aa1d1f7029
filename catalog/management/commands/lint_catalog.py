"""`manage.py lint_catalog`: the catalog safety linter (catalog.lint). Exits 1 when it finds a
problem (advice alone exits 0, unless --strict)."""

from django.core.management.base import BaseCommand, CommandError

from catalog import lint


class Command(BaseCommand):
    help = "Check the catalog for data that contradicts its own safety content."

    def add_arguments(self, parser):
        parser.add_argument(
            "--rule", action="append", choices=sorted(lint.RULES), help="Run only this rule."
        )
        parser.add_argument("--strict", action="store_true", help="Advice counts as a problem.")

    def handle(self, *args, rule=None, strict=False, **options):
        findings = lint.run(rule)
        for finding in findings:
            if finding.severity == lint.ADVICE and not strict and options["verbosity"] < 2:
                continue  # counted in the summary; -v 2 lists it
            self.stdout.write(
                f"{finding.severity.upper()} [{finding.rule}] {finding.subject}: {finding.message}"
            )
        problems = [f for f in findings if strict or f.severity == lint.PROBLEM]
        advice = len(findings) - len([f for f in findings if f.severity == lint.PROBLEM])
        summary = (
            f"{len(problems)} problem(s), {advice} piece(s) of advice, {len(lint.RULES)} rules."
        )
        if problems:
            raise CommandError(summary, returncode=1)
        self.stdout.write(self.style.SUCCESS(summary))
