"""RSS and Atom feeds: one document per entry."""

from __future__ import annotations

import datetime as dt

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Fil Monde</title><link>https://fil.example/</link><language>fr-FR</language>
<item><title>Le Japon promet 300 millions de dollars</title><link>https://fil.example/japon</link>
<guid>urn:fil:1001</guid><pubDate>Tue, 14 Jan 2025 09:00:00 +0000</pubDate>
<description>&lt;p&gt;Tokyo a annoncé &lt;b&gt;mardi&lt;/b&gt; une aide.&lt;/p&gt;&lt;p&gt;Deuxième paragraphe.&lt;/p&gt;</description></item>
<item><title>Sans identifiant</title><link>https://fil.example/sans-id</link>
<description>Un texte.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id><updated>2025-05-02T10:00:00Z</updated>
<entry><title>Italy pledges EUR 40 million</title><id>urn:wire:77</id><link href="https://wire.example/77"/>
<updated>2025-05-02T10:00:00Z</updated><summary>Short summary.</summary>
<content type="html">&lt;p&gt;Rome said on Friday it would give &lt;em&gt;40 million euros&lt;/em&gt;.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_entries_become_documents_with_date_link_and_plain_text(tmp_path, read_all):
    path = tmp_path / "monde.rss"
    path.write_text(RSS, encoding="utf-8")
    docs, errors = read_all(path)
    assert errors == [] and len(docs) == 2
    first = docs[0]
    assert first.id == "urn:fil:1001" and first.url == "https://fil.example/japon"
    assert first.published == dt.date(2025, 1, 14)
    assert (
        first.text == "Le Japon promet 300 millions de dollars\n\nTokyo a annoncé mardi une aide.\nDeuxième paragraphe."
    )
    assert first.lang == "fr"


def test_feed_entry_without_id_is_identified_by_its_link(tmp_path, read_all):
    path = tmp_path / "monde.rss"
    path.write_text(RSS, encoding="utf-8")
    docs, _ = read_all(path)
    assert docs[1].id == "https://fil.example/sans-id" and docs[1].published is None


def test_atom_entry_prefers_full_content_over_summary(tmp_path, read_all):
    path = tmp_path / "wire.atom"
    path.write_text(ATOM, encoding="utf-8")
    [doc], _ = read_all(path)
    assert doc.text == "Italy pledges EUR 40 million\n\nRome said on Friday it would give 40 million euros."
    assert doc.published == dt.date(2025, 5, 2) and doc.id == "urn:wire:77"


def test_xml_file_is_read_as_a_feed_when_it_is_one(tmp_path, read_all):
    path = tmp_path / "export.xml"
    path.write_text(ATOM, encoding="utf-8")
    [doc], _ = read_all(path)
    assert doc.url == "https://wire.example/77"


def test_feed_with_unknown_suffix_is_detected_from_its_content(tmp_path, read_all):
    path = tmp_path / "feed"
    path.write_text(RSS, encoding="utf-8")
    docs, _ = read_all(path)
    assert [d.id for d in docs] == ["urn:fil:1001", "https://fil.example/sans-id"]


def test_xml_that_is_not_a_feed_is_an_error(tmp_path, read_all):
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>', encoding="utf-8")
    docs, errors = read_all(path)
    assert docs == [] and "no feed entries" in errors[0].reason
