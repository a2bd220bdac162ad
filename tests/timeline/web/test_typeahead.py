"""Type-ahead suggestions for people, organisations and countries."""

from __future__ import annotations

import pytest

from timeline.models import Actor, ActorAlias, Country, CountryAlias

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


def test_it_suggests_people_as_links_adding_the_filter(client, people):
    response = client.get("/typeahead/actors/?term=vla&kind=call", headers=HX)
    html = response.content.decode()
    putin = people["putin"].id
    assert response.status_code == 200 and "<html" not in html
    assert f'<a href="/?actor={putin}&amp;kind=call">Vladimir Putin</a>' in html
    assert "Donald Trump" not in html and "United Nations" not in html


def test_it_finds_people_by_alias_and_by_part_of_the_name(client, people):
    ActorAlias.objects.create(actor=people["putin"], alias="VVP")
    assert (
        "Vladimir Putin" in client.get("/typeahead/actors/?term=vvp").content.decode()
    )
    assert (
        "Vladimir Putin" in client.get("/typeahead/actors/?term=put").content.decode()
    )


def test_it_leaves_out_people_already_chosen(client, people):
    putin = people["putin"].id
    html = client.get(f"/typeahead/actors/?term=v&actor={putin}").content.decode()
    assert "Vladimir Putin" not in html


def test_it_suggests_organisations(client, people):
    html = client.get(
        "/typeahead/organisations/?term=united", headers=HX
    ).content.decode()
    assert f'href="/?org={people["un"].id}">United Nations</a>' in html


def test_it_suggests_countries_by_name_code_and_alias(client, db):
    CountryAlias.objects.get_or_create(
        country=Country.objects.get(code="RU"), alias="the Kremlin"
    )
    assert (
        'href="/?country=UA">Ukraine</a>'
        in client.get("/typeahead/countries/?term=ukr").content.decode()
    )
    assert "Ukraine" in client.get("/typeahead/countries/?term=ua").content.decode()
    assert "Russia" in client.get("/typeahead/countries/?term=kreml").content.decode()


def test_it_reads_the_form_field_name_too(client, people):
    html = client.get("/typeahead/actors/?actor_term=don", headers=HX).content.decode()
    assert "Donald Trump" in html


def test_it_says_when_nothing_matches_and_escapes_the_term(client, db):
    html = client.get("/typeahead/actors/?term=<script>", headers=HX).content.decode()
    assert "No people match “&lt;script&gt;”." in html
    assert "<script>" not in html


def test_it_answers_an_empty_term_with_nothing(client, db):
    html = client.get("/typeahead/actors/", headers=HX).content.decode()
    assert "<li" not in html


def test_it_is_a_full_page_without_htmx(client, people):
    html = client.get("/typeahead/actors/?term=vla").content.decode()
    assert "<html" in html and "Vladimir Putin" in html and 'name="term"' in html


def test_it_limits_suggestions_and_long_terms(client, db):
    Actor.objects.bulk_create(
        Actor(name=f"Anna {i:02d}", kind="person") for i in range(30)
    )
    html = client.get("/typeahead/actors/?term=anna").content.decode()
    assert html.count("<li><a href=") == 8
    assert client.get("/typeahead/actors/?term=" + "a" * 5000).status_code == 200
