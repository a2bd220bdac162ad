"""Load the bundled sample articles once, so a new install shows a timeline."""

import json
from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand

from timeline.models import Article, text_sha256

SEED = ("ukraine-2025-02-24.txt", date(2025, 2, 24), "Ukraine: three years of war")


class Command(BaseCommand):
    help = "Load the sample articles (skipped when they are already stored)."

    def handle(self, *args, **options) -> None:
        samples = settings.NEWSLINE_SAMPLES_DIR
        stored = 0
        name, published, title = SEED
        rows = [
            {
                "text": (samples / name).read_text("utf-8"),
                "published": published,
                "title": title,
            }
        ]
        with open(samples / "wikinews-meantime.jsonl", encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                rows.append(
                    {
                        "text": d["text"],
                        "title": d["title"],
                        "published": date.fromisoformat(d["published"]),
                        "external_id": d["id"],
                        "publisher": "Wikinews",
                    }
                )
        for row in rows:
            if Article.objects.filter(text_sha256=text_sha256(row["text"])).exists():
                continue
            Article.objects.create(**row)
            stored += 1
        self.stdout.write(
            f"Sample articles: {stored} stored, {len(rows) - stored} already there."
        )
