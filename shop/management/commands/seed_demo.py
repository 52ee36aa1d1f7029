import time

from django.core.management.base import BaseCommand, CommandError

from catalog.demo import DemoDataError, generate_products, load_catalog, load_synonyms
from guides.demo import load_guides


class Command(BaseCommand):
    help = (
        "Load the demo catalog and guides (idempotent: running it twice gives the same result). "
        "--products N also makes sure N generated products exist, for load tests."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--products",
            type=int,
            default=0,
            metavar="N",
            help="Generated products to add on top of the demo catalog (deterministic for N).",
        )

    def handle(self, *args, products: int, **options):
        if products < 0:
            raise CommandError("--products must be 0 or more.")
        try:
            counts = load_catalog()
            self.stdout.write(
                "Demo catalog: {categories} categories, {products} products, "
                "{materials} materials, {notes} safety notes.".format(**counts)
            )
            self.stdout.write(f"Search synonyms: {load_synonyms()}.")
            counts = load_guides()
            self.stdout.write(
                "Demo guides: {guides} guides, {sections} sections, {callouts} callouts, "
                "{picks} picks.".format(**counts)
            )
        except DemoDataError as error:
            raise CommandError(f"Demo data not loaded: {error}") from error
        if products:
            started = time.monotonic()
            created = generate_products(products)
            self.stdout.write(
                f"Generated products: {created} added ({products} wanted) in "
                f"{time.monotonic() - started:.1f}s."
            )
