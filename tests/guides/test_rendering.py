from html.parser import HTMLParser

import pytest
from django.utils.safestring import SafeString

from guides.rendering import reading_minutes, render_markdown, word_count


class Elements(HTMLParser):
    """The real elements and attributes in a piece of HTML (escaped text is not one)."""

    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


@pytest.mark.parametrize(
    "text",
    [
        "Before <script>alert('x')</script> after",
        "<script src=https://evil.example/x.js></script>",
        '<img src="x" onerror="alert(1)">',
        "Text with <img src=x onerror=alert(1)> inline",
        '<a href="javascript:alert(1)">click</a>',
        '<div onclick="alert(1)">hello</div>',
        '<iframe src="https://evil.example"></iframe>',
        "<style>body{display:none}</style>",
    ],
)
def test_raw_html_never_comes_through_as_markup(text):
    elements = Elements(render_markdown(text)).found
    assert [tag for tag, _ in elements] == ["p"]
    assert all(not attrs for _, attrs in elements)


def test_raw_html_is_shown_as_harmless_text():
    html = render_markdown("Keep <script>alert(1)</script> out")
    assert "&lt;script&gt;" in html
    assert "<p>" in html


@pytest.mark.parametrize(
    "link",
    [
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](  javascript:alert(1) )",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<javascript:alert(1)>",
        "[click][ref]\n\n[ref]: javascript:alert(1)",
    ],
)
def test_script_links_are_never_links(link):
    elements = Elements(render_markdown(link)).found
    assert "a" not in [tag for tag, _ in elements]
    assert all("href" not in attrs for _, attrs in elements)


def test_markdown_images_show_their_description_and_load_nothing():
    html = render_markdown('![a drawing" onerror="alert(1)](https://tracker.example/pixel.png)')
    assert [tag for tag, _ in Elements(html).found] == ["p"]
    assert "tracker.example" not in html
    assert "a drawing" in html


def test_ordinary_markdown_is_kept():
    html = render_markdown(
        "A **safe word** means *stop*.\n\n- Green\n- Red\n\n[Read more](/guides/other/#top)"
    )
    assert "<strong>safe word</strong>" in html
    assert "<em>stop</em>" in html
    assert "<li>Green</li>" in html
    assert '<a href="/guides/other/#top" rel="noopener noreferrer">Read more</a>' in html


def test_links_to_other_sites_get_no_referrer():
    html = render_markdown("[a charity](https://example.org/help)")
    assert 'href="https://example.org/help"' in html
    assert 'rel="noopener noreferrer"' in html


def test_headings_in_a_body_sit_below_the_section_heading():
    html = render_markdown("# Big\n\n## Smaller\n\n###### Tiny")
    assert "<h1" not in html and "<h2" not in html
    assert "<h3>Big</h3>" in html and "<h4>Smaller</h4>" in html and "<h6>Tiny</h6>" in html


def test_empty_body_renders_nothing():
    assert render_markdown("") == ""


def test_word_count_and_reading_time():
    assert word_count("Talk first, check in often.", "Aftercare: water and snacks") == 9
    assert word_count("don't over-think it") == 3
    assert reading_minutes(0) == 1
    assert reading_minutes(200) == 1
    assert reading_minutes(201) == 2
    assert reading_minutes(2400) == 12


def test_rendering_again_gives_the_same_html_and_new_text_renders_afresh():
    first = render_markdown("Start **slow** and check in.")
    again = render_markdown("Start **slow** and check in.")
    assert again == first == "<p>Start <strong>slow</strong> and check in.</p>\n"
    assert isinstance(again, SafeString)
    edited = render_markdown("Start **slower** and check in.")
    assert "<strong>slower</strong>" in edited
