"""What a search means: the words typed, their synonyms and their typo corrections.

`plan(text)` turns a query into a `SearchPlan`: for each word, the alternatives any of which
may match (the word, its synonyms from `SearchSynonym`, a plural's singular, and, for a word
the shop never uses, the closest word it does use), plus the categories, materials and
product types those alternatives name. `catalog.search` turns the plan into conditions and a
ranking; docs/search.md explains the whole.

The words the shop uses (the `Vocabulary`: category, material, product-type and product
words, and the synonyms) are read once per content version (the one a stock sync leaves alone)
and kept in the cache, like the finder's index, so a search reads no more than the content
version to know them.

Typo tolerance: on PostgreSQL the closest known word is found by trigram similarity
(pg_trgm, installed by migration 0006), elsewhere by `difflib` in Python. Both compare a word
with the same vocabulary, so both databases correct the same typos (give or take a close call).
"""

import difflib
import functools
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import connection

from catalog.attributes import LubricantBase, RestraintType, VibratorType

MAX_WORDS = 8  # words of a query that count; the rest are ignored
MAX_WORD_LENGTH = 40  # longer "words" are not words: never corrected
MIN_CORRECTABLE = 4  # shorter words are too ambiguous to correct
VOCABULARY_PRODUCTS = 5000  # products whose words are read (the demo has 54)
DIFFLIB_CUTOFF = 0.75  # how alike a word and its correction must be (0..1)
TRIGRAM_CUTOFF = 0.35  # the same, as pg_trgm's similarity
LOOSE_DIFFLIB_CUTOFF = 0.7  # for "did you mean" when nothing matched
LOOSE_TRIGRAM_CUTOFF = 0.3

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# Product types: the attribute fields whose values name what a product is.
PRODUCT_TYPES = {
    "lubricant_base": LubricantBase,
    "restraint_type": RestraintType,
    "vibrator_type": VibratorType,
}


def words_of(text: str) -> list[str]:
    """Lower-case words, hyphenated parts split off too ('Hook-and-Loop' gives 'hook',
    'and', 'loop' and the whole)."""
    found = []
    for word in WORD.findall(text.lower()):
        found.append(word)
        if "-" in word:
            found.extend(part for part in word.split("-") if part)
    return found


def label_words(label: str) -> list[str]:
    """A choice label's own words, without the explanation in brackets."""
    return words_of(re.sub(r"\(.*?\)", "", label))


@dataclass(frozen=True)
class Named:
    """A category or material as the search knows it."""

    pk: int
    name: str
    slug: str
    words: frozenset[str]


@dataclass(frozen=True)
class Vocabulary:
    """`words`: every word the shop uses (a known word is never corrected); `names`: those
    that name things (categories, materials, product types, product names, synonyms), the
    only words typos are corrected to, so "paddel" becomes "paddle", not "padded"."""

    words: frozenset[str]
    names: frozenset[str]
    synonyms: dict[str, tuple[str, ...]]
    related: dict[str, tuple[str, ...]]
    categories: tuple[Named, ...]
    materials: tuple[Named, ...]

    def known(self, word: str) -> bool:
        return word in self.words


def build_vocabulary() -> Vocabulary:
    """Four queries: categories, materials, synonyms and the published products' words."""
    from catalog.models import Category, Material, Product, SearchSynonym

    categories = tuple(
        Named(c.pk, c.name, c.slug, frozenset(words_of(f"{c.name} {c.slug} {c.kind}")))
        for c in Category.objects.order_by("position", "name", "pk")
    )
    materials = tuple(
        Named(m.pk, m.name, m.slug, frozenset(words_of(f"{m.name} {m.slug}")))
        for m in Material.objects.order_by("name", "pk")
    )
    synonyms: dict[str, tuple[str, ...]] = {}
    related: dict[str, tuple[str, ...]] = {}
    for synonym in SearchSynonym.objects.all():
        (related if synonym.related_only else synonyms)[synonym.term] = tuple(
            synonym.replacement_list
        )
    words: set[str] = set(synonyms) | set(related)
    for named in (*categories, *materials):
        words |= named.words
    for choices in PRODUCT_TYPES.values():
        for value, label in choices.choices:
            words.update(words_of(value), label_words(label))
    for replacements in (*synonyms.values(), *related.values()):
        for replacement in replacements:
            words.update(words_of(replacement))
    rows = Product.objects.published().order_by("pk").values_list("name", "brand", "description")
    texts = []
    for name, brand, description in rows[:VOCABULARY_PRODUCTS]:
        words.update(words_of(name))
        texts.append(f"{brand} {description}")
    names = {word for word in words if not word.isdigit()}
    words = names | {word for word in words_of(" ".join(texts)) if not word.isdigit()}
    return Vocabulary(frozenset(words), frozenset(names), synonyms, related, categories, materials)


# This process's copy: (version without stock, vocabulary). One at a time, so bounded; a
# worker that has not seen a version yet takes it from the shared cache (or builds it).
_kept: tuple[int, Vocabulary] | None = None


def vocabulary() -> Vocabulary:
    """The current content's vocabulary: this process's copy when it is of the current
    version, else from the shared cache, else built. Its words do not depend on stock (every
    published product's), so it is kept under the version a stock sync leaves alone
    (`core.content.content_version_without_stock`, read from the database once per request:
    every worker agrees on it). Kept per process, a search neither asks the shared cache for
    it nor unpickles it (~1 ms of CPU and a round trip per search).
    `SEARCH_VOCABULARY_SECONDS = 0` (the tests) builds it afresh on every call."""
    global _kept
    seconds = settings.SEARCH_VOCABULARY_SECONDS
    if seconds <= 0:
        return build_vocabulary()
    from core.content import content_version_without_stock

    version = content_version_without_stock()
    kept = _kept
    if kept is not None and kept[0] == version:
        return kept[1]
    key = f"search-vocabulary:1:{version}"
    found = cache.get(key)
    if found is None:
        found = build_vocabulary()
        cache.set(key, found, timeout=seconds)
    if kept is None or kept[0] <= version:  # never go back to an older version's words
        _kept = (version, found)
    return found


def forget() -> None:
    """Drop this process's copy (as a freshly started worker would have none)."""
    global _kept
    _kept = None


# --- typo correction --------------------------------------------------------------------------


def correctable(word: str) -> bool:
    return MIN_CORRECTABLE <= len(word) <= MAX_WORD_LENGTH and not word.isdigit()


def closest_words(words: list[str], vocab: Vocabulary, *, loose: bool = False) -> dict[str, str]:
    """For each word, the closest word that names something in the shop (those with none
    are left out). Only names: a description's words ("padded", "lift") would turn "paddel"
    or "gift" into something nobody meant."""
    words = [word for word in dict.fromkeys(words) if correctable(word)]
    if not words or not vocab.names:
        return {}
    return _closest(words, sorted(vocab.names), loose)


def _closest(words: list[str], candidates: list[str], loose: bool) -> dict[str, str]:
    if connection.vendor == "postgresql":
        return _closest_by_trigrams(words, candidates, loose)
    cutoff = LOOSE_DIFFLIB_CUTOFF if loose else DIFFLIB_CUTOFF
    found = {}
    for word in words:
        matches = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
        if matches:
            found[word] = matches[0]
    return found


def _closest_by_trigrams(words: list[str], candidates: list[str], loose: bool) -> dict[str, str]:
    """pg_trgm's similarity between each word and every candidate: one query for them all."""
    cutoff = LOOSE_TRIGRAM_CUTOFF if loose else TRIGRAM_CUTOFF
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT ON (w) w, c FROM unnest(%s::text[]) AS w, unnest(%s::text[]) AS c "
            "WHERE similarity(w, c) >= %s "
            "ORDER BY w, similarity(w, c) DESC, c",
            [words, candidates, cutoff],
        )
        return dict(cursor.fetchall())


# --- the plan ---------------------------------------------------------------------------------


@dataclass
class SearchPlan:
    """What a query means. `groups`: per word, its alternatives (the word first); a product
    matches when every group has an alternative it matches. `corrections`: word -> the known
    word used for it. `related`: things suggested instead of searched (`related_only`)."""

    text: str
    groups: list[list[str]] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)
    related: list[str] = field(default_factory=list)
    category_ids: set[int] = field(default_factory=set)  # categories the words name
    vocab: Vocabulary | None = None

    @property
    def widened(self) -> bool:
        """Whether the plan looks for more than the words typed."""
        return any(len(group) > 1 for group in self.groups) or bool(self.category_ids)

    @property
    def corrected_text(self) -> str | None:
        """The query with its typos corrected, when any was."""
        if not self.corrections:
            return None
        return " ".join(self.corrections.get(word, word) for word in words_of_query(self.text))

    def categories_named(self, alternatives: list[str]) -> list[int]:
        return [c.pk for c in self.vocab.categories if any_named(c.words, alternatives)]

    def materials_named(self, alternatives: list[str]) -> list[int]:
        return [m.pk for m in self.vocab.materials if any_named(m.words, alternatives)]


def words_of_query(text: str) -> list[str]:
    """The query's words that count: the first `MAX_WORDS`, without hyphen splitting."""
    return WORD.findall(text.lower())[:MAX_WORDS]


def singular(word: str) -> str | None:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return None


def any_named(known: frozenset[str], alternatives: list[str]) -> bool:
    """Whether any alternative is one of the words (a plural counts as its singular)."""
    for alternative in alternatives:
        for word in words_of(alternative) if " " in alternative else [alternative]:
            if word in known or f"{word}s" in known or singular(word) in known:
                return True
    return False


@functools.cache
def type_words() -> tuple[tuple[str, str, frozenset[str]], ...]:
    """(field, value, the words that name it) for every product type: fixed by the code, so
    worked out once per process, not at every search."""
    return tuple(
        (field_name, value, frozenset(words_of(value)) | frozenset(label_words(label)))
        for field_name, choices in PRODUCT_TYPES.items()
        for value, label in choices.choices
    )


def type_values(alternatives: list[str]) -> dict[str, list[str]]:
    """Product-type values the alternatives name: {'lubricant_base': ['silicone'], ...}."""
    found: dict[str, list[str]] = {}
    for field_name, value, known in type_words():
        if any_named(known, alternatives):
            found.setdefault(field_name, []).append(value)
    return found


def plan(text: str, vocab: Vocabulary | None = None) -> SearchPlan:
    """The plan for `text` (blank text: a plan with no groups, which matches everything)."""
    words = words_of_query(text)
    result = SearchPlan(text=text.strip())
    if not words and result.text:  # no letters or digits ("🙂", "--"): looked for as typed
        words = [result.text.lower()[:MAX_WORD_LENGTH]]
    if not words:
        return result
    vocab = vocab or vocabulary()
    result.vocab = vocab
    phrase = " ".join(words)
    if phrase in vocab.related:
        result.related = list(vocab.related[phrase])
    unknown = [w for w in words if not vocab.known(w) and not vocab.known(singular(w) or "")]
    corrections = closest_words(unknown, vocab)
    for word in words:
        alternatives = [word]
        if (one := singular(word)) and one in vocab.words:
            alternatives.append(one)
        if word in vocab.related:
            result.related.extend(vocab.related[word])
        fixed = corrections.get(word)
        if fixed and fixed != word:
            result.corrections[word] = fixed
            alternatives.append(fixed)
        for base in list(alternatives):
            alternatives.extend(vocab.synonyms.get(base, ()))
        if fixed in vocab.related:
            result.related.extend(vocab.related[fixed])
        result.groups.append(list(dict.fromkeys(alternatives)))
        result.category_ids.update(result.categories_named(alternatives))
    if phrase in vocab.synonyms and len(words) > 1:  # a phrase ("cock ring") as one synonym
        result.groups = [[phrase, *vocab.synonyms[phrase]]]
        result.category_ids = set(result.categories_named(result.groups[0]))
    result.related = list(dict.fromkeys(result.related))
    return result


def loose_corrections(search_plan: SearchPlan) -> dict[str, str]:
    """For "did you mean" when nothing matched: the closest known words, allowing more
    difference than the search itself does."""
    if search_plan.vocab is None:
        return {}
    words = [w for w in words_of_query(search_plan.text) if not search_plan.vocab.known(w)]
    return closest_words(words, search_plan.vocab, loose=True)
