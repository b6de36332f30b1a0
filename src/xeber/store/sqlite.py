"""The default store: one SQLite file, schema versioned by PRAGMA user_version.

Each document and all its rows (edits, entities, events, search terms) are written in one
transaction, so an interrupted run never leaves half a document behind.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from xeber.document import Document, Entity, Event
from xeber.errors import QueryError, StoreError
from xeber.store.base import MATCH_LIMIT, EntityCount, EventRow, IndexFields, PutResult, SearchRow
from xeber.text.casing import fold
from xeber.text.edits import Edit

# Each entry migrates the schema from version i to i+1. Never edit a released entry: append.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        source TEXT, url TEXT, title TEXT, published TEXT, language TEXT,
        text TEXT NOT NULL, normalized TEXT, meta TEXT NOT NULL DEFAULT '{}',
        ingested_at TEXT NOT NULL, updated_at TEXT NOT NULL
    );
    CREATE INDEX documents_source ON documents(source);
    CREATE INDEX documents_published ON documents(published);
    CREATE TABLE edits (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        original TEXT NOT NULL, replacement TEXT NOT NULL, kind TEXT NOT NULL, confidence REAL NOT NULL,
        PRIMARY KEY (doc_id, seq)
    );
    CREATE TABLE entities (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        text TEXT NOT NULL, type TEXT NOT NULL, lemma TEXT NOT NULL, confidence REAL NOT NULL,
        attrs TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (doc_id, seq)
    );
    CREATE INDEX entities_lemma ON entities(type, lemma);
    CREATE TABLE events (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, type TEXT NOT NULL, trigger TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, date TEXT, place TEXT, data TEXT NOT NULL,
        PRIMARY KEY (doc_id, seq)
    );
    CREATE INDEX events_type ON events(type, date);
    CREATE TABLE document_versions (
        doc_id TEXT NOT NULL, saved_at TEXT NOT NULL, text TEXT NOT NULL, normalized TEXT,
        title TEXT, meta TEXT NOT NULL DEFAULT '{}'
    );
    CREATE VIRTUAL TABLE doc_fts USING fts5(
        doc_id UNINDEXED, title, body, lemmas, tokenize = 'unicode61 remove_diacritics 0'
    );
    """,
    # 2: the index vocabulary (analyzed terms with document counts) for typo tolerance and "did you mean".
    """
    CREATE VIRTUAL TABLE doc_fts_vocab USING fts5vocab(doc_fts, 'row');
    CREATE VIRTUAL TABLE doc_fts_vocab_col USING fts5vocab(doc_fts, 'col');
    CREATE INDEX entities_doc_type ON entities(doc_id, type);
    CREATE INDEX documents_url ON documents(url);
    CREATE INDEX events_doc ON events(doc_id, type);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
BM25_WEIGHTS = "0.0, 3.0, 1.0, 1.0"  # doc_id, title, body, lemmas
# the entity a mention belongs to: the document's full name it links to, else its own lemma
_CANONICAL = "coalesce(json_extract(e.attrs, '$.canonical'), e.lemma)"
VOCAB_CACHE_SIZE = 100_000  # remembered term counts (cleared when full)
TIE_SPARE = 64  # rows beyond the page taken by score alone, to sort ties at the page end by date and id


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteStore:
    def __init__(self, path: str | Path):
        self.path = str(path)
        self._vocab_cache: dict[tuple[str, str], int] = {}
        self._vocab_version = -1
        if self.path != ":memory:":
            Path(self.path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(Path(self.path).expanduser() if self.path != ":memory:" else self.path)
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot open store {self.path}: {e}") from e

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"store {self.path} has schema {version}, newer than this xeber ({SCHEMA_VERSION})")
        for i in range(version, SCHEMA_VERSION):
            with self.conn:
                self.conn.executescript("BEGIN;" + MIGRATIONS[i] + f"; PRAGMA user_version = {i + 1};")

    # -- writing -----------------------------------------------------------------------------------
    def put(self, doc: Document, index: IndexFields) -> PutResult:
        """Insert or update one document with all its annotations, atomically.

        The same content (same id) is stored once. A document from the same source or URL whose
        content changed replaces the record and keeps the earlier version in document_versions.
        """
        return self.put_many([(doc, index)])[0]

    def put_many(self, items: list[tuple[Document, IndexFields]]) -> list[PutResult]:
        """Write several documents in one transaction (all of them or none), each as `put` would;
        results in input order. One commit per batch is what makes bulk loading fast."""
        current = ""
        self._vocab_cache.clear()
        try:
            with self.conn:
                cur = self.conn.cursor()
                results = []
                for doc, index in items:
                    current = doc.id
                    results.append(self._put(cur, doc, index))
            return results
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot write document {current}: {e}") from e

    def _put(self, cur: sqlite3.Cursor, doc: Document, index: IndexFields) -> PutResult:
        status = "added"
        old = cur.execute(
            "SELECT id, text, normalized, title, meta FROM documents WHERE id = ?", (doc.id,)
        ).fetchone()
        if old is None and (doc.url or doc.source):
            old = cur.execute(
                "SELECT id, text, normalized, title, meta FROM documents WHERE url = ? OR source = ? LIMIT 1",
                (doc.url or doc.source, doc.source or doc.url),
            ).fetchone()
            if old is not None:
                doc.id = old[0]
        if old is not None:
            if old[1] == doc.text and old[2] == doc.normalized:
                status = "unchanged"
            else:
                status = "updated"
                if old[1] != doc.text:
                    cur.execute(
                        "INSERT INTO document_versions VALUES (?, ?, ?, ?, ?, ?)",
                        (old[0], _now(), old[1], old[2], old[3], old[4]),
                    )
            self._delete_rows(cur, doc.id)
            cur.execute(
                "UPDATE documents SET source=?, url=?, title=?, published=?, language=?, text=?, "
                "normalized=?, meta=?, updated_at=? WHERE id=?",
                (doc.source, doc.url, doc.title, doc.published, doc.language, doc.text,
                 doc.normalized, json.dumps(doc.meta, ensure_ascii=False), _now(), doc.id),
            )
        else:
            cur.execute(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc.id, doc.source, doc.url, doc.title, doc.published, doc.language, doc.text,
                 doc.normalized, json.dumps(doc.meta, ensure_ascii=False), _now(), _now()),
            )
        self._insert_rows(cur, doc, index)
        return PutResult(doc.id, status)

    @staticmethod
    def _delete_rows(cur: sqlite3.Cursor, doc_id: str) -> None:
        for table in ("edits", "entities", "events"):
            cur.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        cur.execute("DELETE FROM doc_fts WHERE doc_id = ?", (doc_id,))

    @staticmethod
    def _insert_rows(cur: sqlite3.Cursor, doc: Document, index: IndexFields) -> None:
        cur.executemany(
            "INSERT INTO edits VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc.id, i, e.start, e.end, e.original, e.replacement, e.kind, e.confidence)
             for i, e in enumerate(doc.edits)],
        )
        cur.executemany(
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc.id, i, e.start, e.end, e.text, e.type, e.lemma, e.confidence,
              json.dumps(e.attrs, ensure_ascii=False)) for i, e in enumerate(doc.entities)],
        )
        cur.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc.id, i, ev.type, ev.trigger, ev.start, ev.end, ev.date, ev.place,
              json.dumps(ev.to_dict(), ensure_ascii=False)) for i, ev in enumerate(doc.events)],
        )
        cur.execute(
            "INSERT INTO doc_fts (doc_id, title, body, lemmas) VALUES (?, ?, ?, ?)",
            (doc.id, index.title, index.body, index.lemmas),
        )

    # -- reading -----------------------------------------------------------------------------------
    def get(self, doc_id: str) -> Document | None:
        row = self.conn.execute(
            "SELECT id, source, url, title, published, language, text, normalized, meta FROM documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            return None
        doc = Document(
            text=row[6], id=row[0], source=row[1], url=row[2], title=row[3], published=row[4],
            language=row[5], normalized=row[7], meta=json.loads(row[8] or "{}"),
        )
        doc.edits = [
            Edit(r[0], r[1], r[2], r[3], r[4], r[5])
            for r in self.conn.execute(
                'SELECT start, "end", original, replacement, kind, confidence FROM edits WHERE doc_id = ? ORDER BY seq',
                (doc_id,),
            )
        ]
        doc.entities = [
            Entity(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]))
            for r in self.conn.execute(
                'SELECT start, "end", text, type, lemma, confidence, attrs FROM entities WHERE doc_id = ? ORDER BY seq',
                (doc_id,),
            )
        ]
        doc.events = [
            Event.from_dict(json.loads(r[0]))
            for r in self.conn.execute("SELECT data FROM events WHERE doc_id = ? ORDER BY seq", (doc_id,))
        ]
        return doc

    def find_id(self, prefix: str) -> str | None:
        """The full id of the one document whose id starts with `prefix` (git-style short ids)."""
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "\uffff")
        ).fetchall()
        return rows[0][0] if len(rows) == 1 else None

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY id")]

    def _fold_function(self) -> None:
        """Register xeber_fold(text) on this connection: entity lemmas are matched folded."""
        if not getattr(self, "_fold_ready", False):
            self.conn.create_function("xeber_fold", 1, lambda s: fold(s) if s is not None else None, deterministic=True)
            self._fold_ready = True

    def _where(self, match: str | None, filters: dict[str, Any] | None) -> tuple[str, list[Any]]:
        """The WHERE clause (over doc_fts joined to documents d) for a match expression and filters."""
        where: list[str] = []
        params: list[Any] = []
        if match:
            where.append("doc_fts MATCH ?")
            params.append(match)
        filters = filters or {}
        if filters.get("date_from"):
            where.append("d.published >= ?")
            params.append(filters["date_from"])
        if filters.get("date_to"):
            # a bare date includes the whole day: published values may carry a time
            where.append("d.published <= ?")
            params.append(filters["date_to"] + ("\uffff" if len(filters["date_to"]) <= 10 else ""))
        if filters.get("source"):
            where.append("(d.source = ? OR json_extract(d.meta, '$.outlet') = ?)")
            params.extend([filters["source"], filters["source"]])
        if filters.get("language"):
            where.append("d.language = ?")
            params.append(filters["language"])
        for ent in filters.get("entities") or []:
            self._fold_function()
            types = list(ent["types"])
            where.append(
                "EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = d.id AND e.type IN "
                f"({','.join('?' * len(types))}) AND xeber_fold(e.lemma) = ?)"
            )
            params.extend([*types, fold(ent["lemma"])])
        for ev_type in filters.get("event_types") or []:
            where.append("EXISTS (SELECT 1 FROM events v WHERE v.doc_id = d.id AND v.type = ?)")
            params.append(ev_type)
        return (" AND ".join(where) or "1"), params

    def search(
        self, match: str, *, limit: int = 10, offset: int = 0, filters: dict[str, Any] | None = None,
        sort: str = "rank",
    ) -> tuple[int, list[SearchRow]]:
        """Documents matching an FTS5 expression over analyzed terms, best BM25 first (title
        weighted 3×), ties broken by date then id so that pages are stable; `sort="date"`: newest
        first, then id."""
        score = f"bm25(doc_fts, {BM25_WEIGHTS})" if match else "0.0"  # no words: filters only
        order = "{p}published DESC, {p}id" if sort == "date" else "{p}score, {p}published DESC, {p}id"
        page_sql = (
            "SELECT d.id, d.title, d.published, d.source, d.url, p.score, coalesce(d.normalized, d.text), d.meta "
            "FROM ({ranked}) p JOIN documents d ON d.id = p.id ORDER BY " + order.format(p="p.")
        )
        try:
            if match and sort == "rank" and not any(filters.values() if filters else ()):
                # the newest matches, one more than MATCH_LIMIT: the count, and where the ranking starts
                newest = self.conn.execute(
                    "SELECT rowid FROM doc_fts WHERE doc_fts MATCH ? ORDER BY rowid DESC LIMIT ?", [match, MATCH_LIMIT + 1]
                ).fetchall()
                total = len(newest)
                floor = newest[MATCH_LIMIT - 1][0] if total > MATCH_LIMIT else 0
                rows = self._top_by_bm25(match, limit, offset, page_sql, floor)
            else:
                where, params = self._where(match, filters)
                matched = f"FROM doc_fts JOIN documents d ON d.id = doc_fts.doc_id WHERE {where}"
                total = self.conn.execute(f"SELECT count(*) FROM (SELECT 1 {matched} LIMIT ?)",
                                          [*params, MATCH_LIMIT + 1]).fetchone()[0]
                ranked = (f"SELECT d.id AS id, d.published AS published, {score} AS score {matched} "
                          f"ORDER BY {order.format(p='')} LIMIT ? OFFSET ?")
                rows = self.conn.execute(page_sql.format(ranked=ranked), [*params, limit, offset]).fetchall()
        except sqlite3.OperationalError as e:
            raise QueryError(f"cannot run query: {e}") from e
        return int(total), [
            SearchRow(r[0], r[1], r[2], r[3], r[4], -float(r[5]), r[6], json.loads(r[7] or "{}")) for r in rows
        ]

    def _top_by_bm25(self, match: str, limit: int, offset: int, page_sql: str, floor: int = 0) -> list[Any]:
        """The page of a query ranked by BM25 alone (then date, then id), reading the index only for the
        ranking: the best rows by score are taken with some to spare, and documents are read for those.
        Where more rows than the spare tie with the last one of the page, every match is sorted.
        Only index rows from `floor` on are ranked (see MATCH_LIMIT)."""
        want = offset + limit
        top = self.conn.execute(
            f"SELECT rowid, bm25(doc_fts, {BM25_WEIGHTS}) AS s FROM doc_fts WHERE doc_fts MATCH ? AND rowid >= ? "
            "ORDER BY s LIMIT ?",
            [match, floor, want + TIE_SPARE],
        ).fetchall()
        if len(top) == want + TIE_SPARE and want and top[-1][1] == top[want - 1][1]:
            ranked = (
                f"SELECT d.id AS id, d.published AS published, bm25(doc_fts, {BM25_WEIGHTS}) AS score "
                "FROM doc_fts JOIN documents d ON d.id = doc_fts.doc_id WHERE doc_fts MATCH ? AND doc_fts.rowid >= ? "
                "ORDER BY score, published DESC, id LIMIT ? OFFSET ?"
            )
            return self.conn.execute(page_sql.format(ranked=ranked), [match, floor, limit, offset]).fetchall()
        if not top or not limit:
            return []
        values = ",".join("(?, ?)" for _ in top)
        ranked = (
            f"WITH t(rid, s) AS (VALUES {values}) SELECT d.id AS id, d.published AS published, t.s AS score FROM t "
            "JOIN doc_fts f ON f.rowid = t.rid JOIN documents d ON d.id = f.doc_id "
            "ORDER BY score, published DESC, id LIMIT ? OFFSET ?"
        )
        return self.conn.execute(page_sql.format(ranked=ranked), [*(v for r in top for v in r), limit, offset]).fetchall()

    # -- vocabulary, facets, entities, events (search and serve) -----------------------------------
    def term_counts(self, terms: list[str]) -> dict[str, int]:
        """Document frequency of each analyzed (folded) term found in the index; absent terms are left out."""
        return self._vocab_counts("SELECT term, doc FROM doc_fts_vocab WHERE term IN ", "any", terms)

    def lemma_counts(self, terms: list[str]) -> dict[str, int]:
        """Document frequency of each term in the lemmas column; absent terms are left out."""
        return self._vocab_counts(
            "SELECT term, doc FROM doc_fts_vocab_col WHERE col = 'lemmas' AND term IN ", "lemmas", terms
        )

    def _vocab_counts(self, sql: str, kind: str, terms: list[str]) -> dict[str, int]:
        """Counts from fts5vocab, which walks each term's whole posting list: remembered until this
        connection writes or PRAGMA data_version says another one did."""
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._vocab_version:
            self._vocab_cache.clear()
            self._vocab_version = version
        counts: dict[str, int] = {}
        todo = []
        for t in dict.fromkeys(terms):
            if (kind, t) in self._vocab_cache:
                counts[t] = self._vocab_cache[(kind, t)]
            else:
                todo.append(t)
        for i in range(0, len(todo), 900):
            chunk = todo[i : i + 900]
            found = dict(self.conn.execute(sql + f"({','.join('?' * len(chunk))})", chunk).fetchall())
            counts.update({t: int(found.get(t, 0)) for t in chunk})
        if len(self._vocab_cache) + len(todo) > VOCAB_CACHE_SIZE:
            self._vocab_cache.clear()
        self._vocab_cache.update({(kind, t): counts[t] for t in todo})
        return {t: n for t, n in counts.items() if n}

    def terms_with_prefix(self, prefix: str, limit: int = 20) -> list[tuple[str, int]]:
        """Analyzed terms starting with `prefix` and their document frequency, most frequent first."""
        rows = self.conn.execute(
            "SELECT term, doc FROM doc_fts_vocab WHERE term >= ? AND term < ? ORDER BY doc DESC LIMIT ?",
            (prefix, prefix + "\uffff", limit),
        ).fetchall()
        return [(r[0], int(r[1])) for r in rows]

    def facets(self, match: str, filters: dict[str, Any] | None = None, limit: int = 10) -> dict[str, list[tuple[str, int]]]:
        """Counts of matching documents by source, language, year, event type and top entities
        per type (keys `source`, `language`, `year`, `event`, `PER`, `ORG`, `LOC`, ...), over the
        MATCH_LIMIT matches written last when more match (as the ranking)."""
        sql_where, params = self._where(match, filters)
        matched = (f"SELECT d.id FROM doc_fts JOIN documents d ON d.id = doc_fts.doc_id WHERE {sql_where} "
                   f"ORDER BY doc_fts.rowid DESC LIMIT {MATCH_LIMIT}")
        out: dict[str, list[tuple[str, int]]] = {}
        try:
            for key, expr in (("source", "coalesce(json_extract(d.meta, '$.outlet'), d.source)"),
                              ("language", "d.language"), ("year", "substr(d.published, 1, 4)")):
                rows = self.conn.execute(
                    f"SELECT {expr} AS k, count(*) AS n FROM documents d WHERE d.id IN ({matched}) AND k IS NOT NULL "
                    "GROUP BY k ORDER BY n DESC, k LIMIT ?", [*params, limit]
                ).fetchall()
                out[key] = [(str(k), int(n)) for k, n in rows]
            rows = self.conn.execute(
                f"SELECT type, count(DISTINCT doc_id) AS n FROM events WHERE doc_id IN ({matched}) "
                "GROUP BY type ORDER BY n DESC, type LIMIT ?", [*params, limit]
            ).fetchall()
            out["event"] = [(str(k), int(n)) for k, n in rows]
            rows = self.conn.execute(
                f"SELECT type, lemma, count(DISTINCT doc_id) AS n FROM entities WHERE doc_id IN ({matched}) "
                "AND type != 'DATE' GROUP BY type, lemma ORDER BY n DESC, lemma", params
            ).fetchall()
        except sqlite3.OperationalError as e:
            raise QueryError(f"cannot run query: {e}") from e
        for etype, lemma, n in rows:
            bucket = out.setdefault(etype, [])
            if len(bucket) < limit:
                bucket.append((lemma, int(n)))
        return out

    def top_entities(
        self, etype: str | None = None, date_from: str | None = None, date_to: str | None = None, limit: int = 20
    ) -> list[EntityCount]:
        """Entities mentioned in the most documents (of a type, published within a date range)."""
        where, params = ["e.type != 'DATE'"], []
        if etype:
            where.append("e.type = ?")
            params.append(etype)
        if date_from:
            where.append("d.published >= ?")
            params.append(date_from)
        if date_to:
            where.append("d.published <= ?")
            params.append(date_to + "\uffff")
        # a mention counts for the entity it links to: Qafarova for Sahibə Qafarova, Qazaxıstan Respublikası
        # for Qazaxıstan (attrs.canonical, set by xeber.extract)
        rows = self.conn.execute(
            f"SELECT e.type, {_CANONICAL} AS name, count(DISTINCT e.doc_id) AS n, count(*) FROM entities e "
            f"JOIN documents d ON d.id = e.doc_id WHERE {' AND '.join(where)} "
            "GROUP BY e.type, name ORDER BY n DESC, name LIMIT ?", [*params, limit]
        ).fetchall()
        return [EntityCount(r[0], r[1], int(r[2]), int(r[3])) for r in rows]

    def _entity_docs(self, etype: str, lemma: str) -> tuple[str, list[Any]]:
        self._fold_function()
        return "SELECT doc_id FROM entities WHERE type = ? AND xeber_fold(lemma) = ?", [etype, fold(lemma)]

    def entity_mentions_by_month(self, etype: str, lemma: str) -> list[tuple[str, int]]:
        """(YYYY-MM, documents) for each month in which the entity (type, lemma, matched folded) is mentioned."""
        sub, params = self._entity_docs(etype, lemma)
        rows = self.conn.execute(
            f"SELECT substr(published, 1, 7) AS m, count(*) FROM documents WHERE id IN ({sub}) AND m IS NOT NULL "
            "GROUP BY m ORDER BY m", params
        ).fetchall()
        return [(r[0], int(r[1])) for r in rows]

    def cooccurring_entities(self, etype: str, lemma: str, limit: int = 10) -> list[EntityCount]:
        """Entities mentioned in the most documents together with the given entity."""
        sub, params = self._entity_docs(etype, lemma)
        rows = self.conn.execute(
            f"SELECT e.type, {_CANONICAL} AS name, count(DISTINCT e.doc_id) AS n, count(*) FROM entities e "
            f"WHERE e.doc_id IN ({sub}) AND e.type != 'DATE' "
            f"AND NOT (e.type = ? AND (xeber_fold(e.lemma) = ? OR xeber_fold({_CANONICAL}) = ?)) "
            "GROUP BY e.type, name ORDER BY n DESC, name LIMIT ?", [*params, etype, fold(lemma), fold(lemma), limit]
        ).fetchall()
        return [EntityCount(r[0], r[1], int(r[2]), int(r[3])) for r in rows]

    def entity_documents(self, etype: str, lemma: str) -> int:
        sub, params = self._entity_docs(etype, lemma)
        return int(self.conn.execute(f"SELECT count(DISTINCT doc_id) FROM ({sub})", params).fetchone()[0])

    def events(
        self, *, etype: str | None = None, entity: tuple[str, str] | None = None, date_from: str | None = None,
        date_to: str | None = None, limit: int = 50, offset: int = 0,
    ) -> list[EventRow]:
        """Events, newest first (event date, else the document's date): of a type, from documents
        mentioning an entity (type, lemma), within a date range."""
        where, params = ["1"], []
        if etype:
            where.append("v.type = ?")
            params.append(etype)
        if entity:
            sub, sub_params = self._entity_docs(*entity)
            where.append(f"v.doc_id IN ({sub})")
            params.extend(sub_params)
        if date_from:
            where.append("coalesce(v.date, d.published) >= ?")
            params.append(date_from)
        if date_to:
            where.append("coalesce(v.date, d.published) <= ?")
            params.append(date_to + "\uffff")
        rows = self.conn.execute(
            "SELECT v.doc_id, d.title, d.published, v.data FROM events v JOIN documents d ON d.id = v.doc_id "
            f"WHERE {' AND '.join(where)} ORDER BY coalesce(v.date, d.published) DESC, v.doc_id, v.seq LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        return [EventRow(r[0], r[1], r[2], Event.from_dict(json.loads(r[3]))) for r in rows]

    def close(self) -> None:
        self.conn.close()
