"""The PostgreSQL store: one archive shared by several analysts and batch workers.

It gives the same results as the SQLite store for the same calls (tests/store is one conformance
suite for both). Search matches and ranks exactly as SQLite FTS5 does:

- the analyzed columns are kept as token arrays, tokenized as FTS5's unicode61 does
  (xeber.store.fts_expr.index_tokens), next to a tsvector of their distinct tokens, weighted
  title A, body B, lemmas C, under a GIN index;
- an FTS5 expression (the Store protocol's query language) is parsed into a tree; a relaxed
  tsquery (phrases as AND of their terms, NOT branches left out) picks candidates through the
  index, and xeber_phrase_count() over the arrays decides the exact match, phrases included;
- the score is FTS5's bm25() with the same weights, constants and order of floating-point
  operations, from the same statistics (documents, tokens, documents per phrase), so scores are
  bit-identical and ties fall to published DESC, id as in SQLite.

All text columns use the "C" collation so that comparisons and ORDER BY are bytewise, as in SQLite.
Concurrent writers are safe: each document is locked (advisory lock on its id) before it is read
and written, and shared counters are updated last, in a fixed order, so batches cannot deadlock.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from datetime import UTC, datetime
from typing import Any

import psycopg

from xeber.document import Document, Entity, Event
from xeber.errors import QueryError, StoreError
from xeber.store.base import MATCH_LIMIT, EntityCount, EventRow, IndexFields, PutResult, SearchRow
from xeber.store.fts_expr import And, Node, Not, Phrase, index_tokens, parse, phrases
from xeber.text.casing import fold
from xeber.text.edits import Edit

# bm25(doc_fts, 0.0, 3.0, 1.0, 1.0) in the SQLite store: the same weights per column.
WEIGHTS = {"title": 3.0, "body": 1.0, "lemmas": 1.0}
# the entity a mention belongs to: the document's full name it links to, else its own lemma
_CANONICAL = "coalesce(e.attrs->>'canonical', e.lemma)"
TS_WEIGHT = {"title": "A", "body": "B", "lemmas": "C"}
COLUMN_ORDER = ("title", "body", "lemmas")
MAX_LEXEME_BYTES = 2046  # PostgreSQL refuses longer lexemes; such tokens stay in the arrays only

# Version i+1 here is the same logical schema as the SQLite store's version i+1.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE documents (
        id TEXT COLLATE "C" PRIMARY KEY,
        source TEXT COLLATE "C", url TEXT COLLATE "C", title TEXT COLLATE "C", published TEXT COLLATE "C",
        language TEXT COLLATE "C", text TEXT COLLATE "C" NOT NULL, normalized TEXT COLLATE "C",
        meta JSON NOT NULL DEFAULT '{}', ingested_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        seq BIGSERIAL NOT NULL  -- insertion order, as SQLite's rowid
    );
    CREATE INDEX documents_source ON documents(source);
    CREATE INDEX documents_url ON documents(url);
    CREATE INDEX documents_published ON documents(published);
    CREATE TABLE edits (
        doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        original TEXT NOT NULL, replacement TEXT NOT NULL, kind TEXT NOT NULL, confidence DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (doc_id, seq)
    );
    CREATE TABLE entities (
        doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        text TEXT COLLATE "C" NOT NULL, type TEXT COLLATE "C" NOT NULL, lemma TEXT COLLATE "C" NOT NULL,
        confidence DOUBLE PRECISION NOT NULL, attrs JSON NOT NULL DEFAULT '{}',
        lemma_fold TEXT COLLATE "C" NOT NULL,  -- xeber.text.casing.fold(lemma): SQLite's xeber_fold()
        PRIMARY KEY (doc_id, seq)
    );
    CREATE INDEX entities_lemma ON entities(type, lemma);
    CREATE INDEX entities_lemma_fold ON entities(type, lemma_fold);
    CREATE TABLE events (
        doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, type TEXT COLLATE "C" NOT NULL, trigger TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, date TEXT COLLATE "C", place TEXT, data JSON NOT NULL,
        PRIMARY KEY (doc_id, seq)
    );
    CREATE INDEX events_type ON events(type, date);
    CREATE TABLE document_versions (
        doc_id TEXT COLLATE "C" NOT NULL, saved_at TEXT NOT NULL, text TEXT NOT NULL, normalized TEXT,
        title TEXT, meta JSON NOT NULL DEFAULT '{}'
    );
    CREATE INDEX document_versions_doc ON document_versions(doc_id);
    CREATE TABLE doc_terms (
        doc_id TEXT COLLATE "C" PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        title TEXT[] NOT NULL, body TEXT[] NOT NULL, lemmas TEXT[] NOT NULL,
        n_tokens INTEGER NOT NULL,  -- FTS5's column size of the row (all columns)
        tsv TSVECTOR NOT NULL
    );
    CREATE INDEX doc_terms_tsv ON doc_terms USING GIN (tsv);
    CREATE TABLE search_totals (
        one BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one), n_docs BIGINT NOT NULL, n_tokens BIGINT NOT NULL
    );
    INSERT INTO search_totals VALUES (TRUE, 0, 0);
    -- Occurrences of `phrase` in `terms` (the last term a prefix when `prefix`), as FTS5 counts them.
    CREATE FUNCTION xeber_phrase_count(terms TEXT[], phrase TEXT[], prefix BOOLEAN) RETURNS INTEGER
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT count(*)::int FROM unnest(terms) WITH ORDINALITY AS u(term, i)
        WHERE CASE WHEN cardinality(phrase) = 1 THEN
                  CASE WHEN prefix THEN starts_with(u.term, phrase[1]) ELSE u.term = phrase[1] END
              ELSE u.term = phrase[1]
                  AND terms[u.i + 1 : u.i + cardinality(phrase) - 1 - prefix::int]
                      = phrase[2 : cardinality(phrase) - prefix::int]
                  AND (NOT prefix OR starts_with(terms[u.i + cardinality(phrase) - 1], phrase[cardinality(phrase)]))
              END
    $$;
    """,
    # 2: the index vocabulary (FTS5's fts5vocab 'row': documents per term, any column).
    """
    CREATE TABLE vocab (term TEXT COLLATE "C" PRIMARY KEY, docs BIGINT NOT NULL);
    INSERT INTO vocab
        SELECT term, count(*) FROM (SELECT DISTINCT doc_id, term FROM doc_terms, unnest(title || body || lemmas) AS term) s
        GROUP BY term;
    CREATE INDEX entities_doc_type ON entities(doc_id, type);
    CREATE INDEX events_doc ON events(doc_id, type);
    """,
    # 3: the order index rows were written in, as SQLite's doc_fts rowid (a rewritten document is
    # newest): broad queries are ranked among the MATCH_LIMIT matches written last.
    """
    ALTER TABLE doc_terms ADD COLUMN written BIGSERIAL;
    CREATE INDEX doc_terms_written ON doc_terms(written);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
_MIGRATION_LOCK = 0x78656265  # any constant: serializes migrations of concurrent openers


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _loads(value: str | None) -> Any:
    return json.loads(value or "{}")


def _quote_lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def _tsvector(columns: dict[str, list[str]]) -> str:
    """A tsvector literal of the distinct tokens, each with one position per column it occurs in
    (title 1A, body 2B, lemmas 3C): weights need positions to be kept when columns share a token."""
    where: dict[str, list[str]] = {}
    for pos, col in enumerate(COLUMN_ORDER, start=1):
        for t in dict.fromkeys(columns[col]):
            if len(t.encode()) <= MAX_LEXEME_BYTES:
                where.setdefault(t, []).append(f"{pos}{TS_WEIGHT[col]}")
    return " ".join(f"{_quote_lexeme(t)}:{','.join(p)}" for t, p in where.items())


def _tsquery_lexeme(term: str, weights: str, prefix: bool) -> str:
    quoted = _quote_lexeme(term)
    return f"{quoted}:{'*' if prefix else ''}{weights}"


def _relaxed(node: Node) -> str | None:
    """A tsquery that every matching document satisfies (a superset, for the GIN index);
    None where nothing can match."""
    if isinstance(node, Phrase):
        if not node.terms or not node.columns:
            return None
        weights = "".join(TS_WEIGHT[c] for c in node.columns)
        parts = [
            _tsquery_lexeme(t, weights, node.prefix and i == len(node.terms) - 1)
            for i, t in enumerate(node.terms)
            if len(t.encode()) <= MAX_LEXEME_BYTES
        ]
        return "(" + " & ".join(parts) + ")" if parts else None
    if isinstance(node, Not):
        return _relaxed(node.keep)
    subs = [_relaxed(item) for item in node.items]
    if isinstance(node, And):
        if any(s is None for s in subs):
            return None
        return "(" + " & ".join(s for s in subs if s) + ")"
    alive = [s for s in subs if s]
    return "(" + " | ".join(alive) + ")" if alive else None


class _Sql:
    """Builds one query's SQL text and its (named) parameters together."""

    def __init__(self) -> None:
        self.params: dict[str, Any] = {}

    def p(self, value: Any, cast: str = "") -> str:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return f"%({name})s{cast}"


def _count_cols(leaves: list[Phrase], sql: _Sql) -> list[str]:
    """SELECT items c{i}_{column}: occurrences of phrase i in each of its columns."""
    out = []
    for i, ph in enumerate(leaves):
        for col in ph.columns:
            if len(ph.terms) == 1 and not ph.prefix:  # a builtin in C: far faster than unnesting
                out.append(f"cardinality(array_positions(t.{col}, {sql.p(ph.terms[0], '::text')})) AS c{i}_{col}")
            elif ph.terms:
                out.append(
                    f"xeber_phrase_count(t.{col}, {sql.p(list(ph.terms), '::text[]')}, {sql.p(ph.prefix)}) AS c{i}_{col}"
                )
            else:
                out.append(f"0 AS c{i}_{col}")
    return out


def _match_cond(node: Node, leaves: list[Phrase], counter: list[int]) -> str:
    """The exact boolean condition over the c{i}_{column} counts; phrases numbered left to right."""
    if isinstance(node, Phrase):
        i = counter[0]
        counter[0] += 1
        cols = leaves[i].columns
        return "(" + " + ".join(f"c{i}_{c}" for c in cols) + " > 0)" if cols else "FALSE"
    if isinstance(node, Not):
        keep = _match_cond(node.keep, leaves, counter)
        return f"({keep} AND NOT {_match_cond(node.drop, leaves, counter)})"
    op = " AND " if isinstance(node, And) else " OR "
    return "(" + op.join(_match_cond(item, leaves, counter) for item in node.items) + ")"


class PostgresStore:
    def __init__(self, url: str):
        self.url = url
        try:
            self.conn = psycopg.connect(url, autocommit=True)
            self._migrate()
        except psycopg.Error as e:
            raise StoreError(f"cannot open store {self._safe_url()}: {e}") from e

    def _safe_url(self) -> str:
        """The URL without its password, for messages."""
        try:
            info = psycopg.conninfo.conninfo_to_dict(self.url)
        except psycopg.Error:
            return "postgresql://…"
        return f"postgresql://{info.get('user', '')}@{info.get('host', '')}:{info.get('port', '')}/{info.get('dbname', '')}"

    def _migrate(self) -> None:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            self.conn.execute("CREATE TABLE IF NOT EXISTS xeber_schema (version INTEGER NOT NULL)")
            row = self.conn.execute("SELECT version FROM xeber_schema").fetchone()
            version = row[0] if row else 0
            if row is None:
                self.conn.execute("INSERT INTO xeber_schema VALUES (0)")
            if version > SCHEMA_VERSION:
                raise StoreError(f"store has schema {version}, newer than this xeber ({SCHEMA_VERSION})")
            for i in range(version, SCHEMA_VERSION):
                self.conn.execute(MIGRATIONS[i])  # type: ignore[arg-type]
                self.conn.execute("UPDATE xeber_schema SET version = %s", (i + 1,))

    # -- writing -----------------------------------------------------------------------------------
    def put(self, doc: Document, index: IndexFields) -> PutResult:
        """Insert or update one document with all its annotations, atomically (as SQLiteStore.put)."""
        return self.put_many([(doc, index)])[0]

    def put_many(self, items: list[tuple[Document, IndexFields]]) -> list[PutResult]:
        """Write several documents in one transaction: all of them or none. Results in input order."""
        order = sorted(range(len(items)), key=lambda k: items[k][0].id)  # lock ids in one global order
        results: list[PutResult | None] = [None] * len(items)
        vocab: Counter[str] = Counter()
        totals = [0, 0]
        current = ""
        try:
            with self.conn.transaction(), self.conn.cursor() as cur:
                for k in order:
                    current = items[k][0].id
                    results[k] = self._put(cur, items[k][0], items[k][1], vocab, totals)
                self._apply_counts(cur, vocab, totals)
        except psycopg.Error as e:
            raise StoreError(f"cannot write document {current}: {e}") from e
        return [r for r in results if r is not None]

    def _put(
        self, cur: psycopg.Cursor[Any], doc: Document, index: IndexFields, vocab: Counter[str], totals: list[int]
    ) -> PutResult:
        cur.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (doc.id,))
        status = "added"
        cols = "id, text, normalized, title, meta::text"
        old = cur.execute(f"SELECT {cols} FROM documents WHERE id = %s", (doc.id,)).fetchone()
        if old is None and (doc.url or doc.source):
            old = cur.execute(
                f"SELECT {cols} FROM documents WHERE url = %s OR source = %s ORDER BY seq LIMIT 1",
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
                        "INSERT INTO document_versions VALUES (%s, %s, %s, %s, %s, %s)",
                        (old[0], _now(), old[1], old[2], old[3], old[4]),
                    )
            self._delete_rows(cur, doc.id, vocab, totals)
            cur.execute(
                "UPDATE documents SET source=%s, url=%s, title=%s, published=%s, language=%s, text=%s, "
                "normalized=%s, meta=%s, updated_at=%s WHERE id=%s",
                (doc.source, doc.url, doc.title, doc.published, doc.language, doc.text,
                 doc.normalized, _dumps(doc.meta), _now(), doc.id),
            )
        else:
            cur.execute(
                "INSERT INTO documents (id, source, url, title, published, language, text, normalized, meta, "
                "ingested_at, updated_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                (doc.id, doc.source, doc.url, doc.title, doc.published, doc.language, doc.text,
                 doc.normalized, _dumps(doc.meta), _now(), _now()),
            )
        self._insert_rows(cur, doc, index, vocab, totals)
        return PutResult(doc.id, status)

    @staticmethod
    def _delete_rows(cur: psycopg.Cursor[Any], doc_id: str, vocab: Counter[str], totals: list[int]) -> None:
        for table in ("edits", "entities", "events"):
            cur.execute(f"DELETE FROM {table} WHERE doc_id = %s", (doc_id,))
        old = cur.execute(
            "DELETE FROM doc_terms WHERE doc_id = %s RETURNING title, body, lemmas, n_tokens", (doc_id,)
        ).fetchone()
        if old is not None:
            vocab.subtract(set(old[0]) | set(old[1]) | set(old[2]))
            totals[0] -= 1
            totals[1] -= old[3]

    @staticmethod
    def _insert_rows(
        cur: psycopg.Cursor[Any], doc: Document, index: IndexFields, vocab: Counter[str], totals: list[int]
    ) -> None:
        cur.executemany(
            "INSERT INTO edits VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            [(doc.id, i, e.start, e.end, e.original, e.replacement, e.kind, e.confidence)
             for i, e in enumerate(doc.edits)],
        )
        cur.executemany(
            "INSERT INTO entities VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [(doc.id, i, e.start, e.end, e.text, e.type, e.lemma, e.confidence, _dumps(e.attrs), fold(e.lemma))
             for i, e in enumerate(doc.entities)],
        )
        cur.executemany(
            "INSERT INTO events VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [(doc.id, i, ev.type, ev.trigger, ev.start, ev.end, ev.date, ev.place, _dumps(ev.to_dict()))
             for i, ev in enumerate(doc.events)],
        )
        columns = {"title": index_tokens(index.title), "body": index_tokens(index.body),
                   "lemmas": index_tokens(index.lemmas)}
        n_tokens = sum(len(v) for v in columns.values())
        cur.execute(
            "INSERT INTO doc_terms VALUES (%s, %s, %s, %s, %s, %s::tsvector)",
            (doc.id, columns["title"], columns["body"], columns["lemmas"], n_tokens, _tsvector(columns)),
        )
        vocab.update(set(columns["title"]) | set(columns["body"]) | set(columns["lemmas"]))
        totals[0] += 1
        totals[1] += n_tokens

    @staticmethod
    def _apply_counts(cur: psycopg.Cursor[Any], vocab: Counter[str], totals: list[int]) -> None:
        """Shared counters last and in term order: concurrent batches wait, never deadlock."""
        changed = sorted((t, n) for t, n in vocab.items() if n)
        if changed:
            cur.execute(  # one statement for all terms; rows are locked in term order
                "INSERT INTO vocab SELECT * FROM unnest(%s::text[], %s::bigint[]) ORDER BY 1 "
                "ON CONFLICT (term) DO UPDATE SET docs = vocab.docs + EXCLUDED.docs",
                ([t for t, _ in changed], [n for _, n in changed]),
            )
            gone = [t for t, n in changed if n < 0]
            if gone:
                cur.execute("DELETE FROM vocab WHERE term = ANY(%s) AND docs <= 0", (gone,))
        if totals[0] or totals[1]:
            cur.execute(
                "UPDATE search_totals SET n_docs = n_docs + %s, n_tokens = n_tokens + %s", (totals[0], totals[1])
            )

    # -- reading -----------------------------------------------------------------------------------
    def get(self, doc_id: str) -> Document | None:
        row = self.conn.execute(
            "SELECT id, source, url, title, published, language, text, normalized, meta::text FROM documents "
            "WHERE id = %s", (doc_id,),
        ).fetchone()
        if row is None:
            return None
        doc = Document(
            text=row[6], id=row[0], source=row[1], url=row[2], title=row[3], published=row[4],
            language=row[5], normalized=row[7], meta=_loads(row[8]),
        )
        doc.edits = [
            Edit(r[0], r[1], r[2], r[3], r[4], r[5])
            for r in self.conn.execute(
                'SELECT start, "end", original, replacement, kind, confidence FROM edits WHERE doc_id = %s ORDER BY seq',
                (doc_id,),
            )
        ]
        doc.entities = [
            Entity(r[0], r[1], r[2], r[3], r[4], r[5], _loads(r[6]))
            for r in self.conn.execute(
                'SELECT start, "end", text, type, lemma, confidence, attrs::text FROM entities WHERE doc_id = %s '
                "ORDER BY seq", (doc_id,),
            )
        ]
        doc.events = [
            Event.from_dict(_loads(r[0]))
            for r in self.conn.execute("SELECT data::text FROM events WHERE doc_id = %s ORDER BY seq", (doc_id,))
        ]
        return doc

    def find_id(self, prefix: str) -> str | None:
        """The full id of the one document whose id starts with `prefix` (git-style short ids)."""
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE id >= %s AND id < %s LIMIT 2", (prefix, prefix + "\uffff")
        ).fetchall()
        return rows[0][0] if len(rows) == 1 else None

    def existing_ids(self, ids: list[str]) -> set[str]:
        """Those of `ids` that are stored (for resuming a batch)."""
        rows = self.conn.execute("SELECT id FROM documents WHERE id = ANY(%s)", (ids,)).fetchall()
        return {r[0] for r in rows}

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])  # type: ignore[index]

    def ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY id")]

    # -- search ------------------------------------------------------------------------------------
    def _where(self, filters: dict[str, Any] | None, sql: _Sql) -> list[str]:
        """Conditions on documents d for the filters (as SQLiteStore._where)."""
        where: list[str] = []
        filters = filters or {}
        if filters.get("date_from"):
            where.append(f"d.published >= {sql.p(filters['date_from'])}")
        if filters.get("date_to"):
            # a bare date includes the whole day: published values may carry a time
            to = filters["date_to"] + ("\uffff" if len(filters["date_to"]) <= 10 else "")
            where.append(f"d.published <= {sql.p(to)}")
        if filters.get("source"):
            where.append(f"(d.source = {sql.p(filters['source'])} OR (d.meta->>'outlet') = {sql.p(filters['source'])})")
        if filters.get("language"):
            where.append(f"d.language = {sql.p(filters['language'])}")
        for ent in filters.get("entities") or []:
            where.append(
                "EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = d.id "
                f"AND e.type = ANY({sql.p(list(ent['types']))}) AND e.lemma_fold = {sql.p(fold(ent['lemma']))})"
            )
        for ev_type in filters.get("event_types") or []:
            where.append(f"EXISTS (SELECT 1 FROM events v WHERE v.doc_id = d.id AND v.type = {sql.p(ev_type)})")
        return where

    def _hits(self, node: Node | None, filters: dict[str, Any] | None, sql: _Sql) -> tuple[str, list[Phrase]] | None:
        """A query for the matching documents: columns id, published, n_tokens and the counts
        c{i}_{column} of each phrase; None where nothing can match."""
        where = self._where(filters, sql)
        if node is None:
            where_sql = " AND ".join(where) or "TRUE"
            return (f"SELECT d.id, d.published, 0 AS n_tokens, t.written FROM documents d "
                    f"JOIN doc_terms t ON t.doc_id = d.id WHERE {where_sql}", [])
        tsquery = _relaxed(node)
        if tsquery is None:
            return None
        leaves = phrases(node)
        counts = _count_cols(leaves, sql)
        cond = _match_cond(node, leaves, [0])
        where.insert(0, f"t.tsv @@ {sql.p(tsquery, '::tsquery')}")
        inner = (
            f"SELECT d.id, d.published, t.n_tokens, t.written, {', '.join(counts)} "
            f"FROM doc_terms t JOIN documents d ON d.id = t.doc_id WHERE {' AND '.join(where)}"
        )
        return f"SELECT * FROM ({inner}) m WHERE {cond}", leaves

    def _idf(self, leaves: list[Phrase]) -> tuple[list[float], float]:
        """FTS5's per-phrase IDF and the average row size, from the whole index."""
        n_docs, n_tokens = self.conn.execute("SELECT n_docs, n_tokens FROM search_totals").fetchone()  # type: ignore[misc]
        idf = []
        for ph in leaves:
            sql = _Sql()
            hits = self._hits(ph, None, sql)
            n_hit = 0
            if len(ph.terms) == 1 and ph.columns and len(ph.terms[0].encode()) <= MAX_LEXEME_BYTES:
                # one term: the weighted lexeme in the tsvector is exact, the GIN index counts alone
                n_hit = self.conn.execute(
                    "SELECT count(*) FROM doc_terms WHERE tsv @@ %s::tsquery", (_relaxed(ph),)
                ).fetchone()[0]  # type: ignore[index]
            elif hits is not None:
                n_hit = self.conn.execute(f"SELECT count(*) FROM ({hits[0]}) h", sql.params).fetchone()[0]  # type: ignore[index]
            value = math.log((n_docs - n_hit + 0.5) / (n_hit + 0.5))
            idf.append(value if value > 0.0 else 1e-6)
        return idf, (n_tokens / n_docs if n_docs else 1.0)

    def search(
        self, match: str, *, limit: int = 10, offset: int = 0, filters: dict[str, Any] | None = None,
        sort: str = "rank",
    ) -> tuple[int, list[SearchRow]]:
        """As SQLiteStore.search: FTS5 bm25 (title 3, body 1, lemmas 1), best first, ties by
        published DESC then id; sort="date": published DESC then id."""
        sql = _Sql()
        try:
            hits = self._hits(parse(match) if match else None, filters, sql)
            if hits is None:
                return 0, []
            hits_sql, leaves = hits
            total = self.conn.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM ({hits_sql}) h LIMIT {sql.p(MATCH_LIMIT + 1)}) c", sql.params
            ).fetchone()[0]  # type: ignore[index]
            if total > MATCH_LIMIT and leaves and sort == "rank" and not any((filters or {}).values()):
                hits_sql = f"SELECT * FROM ({hits_sql}) w ORDER BY w.written DESC LIMIT {sql.p(MATCH_LIMIT)}"
            score = "0.0::float8"
            if leaves:
                idf, avgdl = self._idf(leaves)
                # The same operations in the same order as fts5Bm25Function (sqlite fts5_aux.c).
                norm = (
                    "(1.2::float8 * (1::float8 - 0.75::float8 + 0.75::float8 * h.n_tokens::float8 / "
                    f"{sql.p(avgdl)}::float8))"
                )
                for i, ph in enumerate(leaves):
                    freq = "(" + (" + ".join(f"{WEIGHTS[c]}::float8 * h.c{i}_{c}" for c in ph.columns) or "0") + ")"
                    score += f" + {sql.p(idf[i])}::float8 * (({freq} * (1.2::float8 + 1.0::float8)) / ({freq} + {norm}))"
            page = f"SELECT h.id, h.published, -1.0::float8 * ({score}) AS bm25 FROM ({hits_sql}) h"
            order = "p.published DESC NULLS LAST, p.id" if sort == "date" else "p.bm25, p.published DESC NULLS LAST, p.id"
            rows = self.conn.execute(
                "SELECT p.id, d.title, p.published, d.source, d.url, p.bm25, coalesce(d.normalized, d.text), "
                f"d.meta::text FROM ({page}) p JOIN documents d ON d.id = p.id "
                f"ORDER BY {order} LIMIT {sql.p(limit)} OFFSET {sql.p(offset)}",
                sql.params,
            ).fetchall()
        except psycopg.Error as e:
            raise QueryError(f"cannot run query: {e}") from e
        return int(total), [
            SearchRow(r[0], r[1], r[2], r[3], r[4], -float(r[5]), r[6], _loads(r[7])) for r in rows
        ]

    # -- vocabulary, facets, entities, events (as SQLiteStore) -------------------------------------
    def term_counts(self, terms: list[str]) -> dict[str, int]:
        """Document frequency of each analyzed (folded) term found in the index; absent terms are left out."""
        rows = self.conn.execute(
            "SELECT term, docs FROM vocab WHERE term = ANY(%s)", (list(dict.fromkeys(terms)),)
        ).fetchall()
        return {r[0]: int(r[1]) for r in rows}

    def lemma_counts(self, terms: list[str]) -> dict[str, int]:
        """Document frequency of each term in the lemmas column (weight C, exact); absent terms are left out."""
        out: dict[str, int] = {}
        for term in dict.fromkeys(terms):
            if not term or len(term.encode()) > MAX_LEXEME_BYTES:
                continue
            n = self.conn.execute(
                "SELECT count(*) FROM doc_terms WHERE tsv @@ %s::tsquery", (_tsquery_lexeme(term, "C", False),)
            ).fetchone()[0]  # type: ignore[index]
            if n:
                out[term] = int(n)
        return out

    def terms_with_prefix(self, prefix: str, limit: int = 20) -> list[tuple[str, int]]:
        """Analyzed terms starting with `prefix` and their document frequency, most frequent first."""
        rows = self.conn.execute(
            "SELECT term, docs FROM vocab WHERE term >= %s AND term < %s ORDER BY docs DESC, term LIMIT %s",
            (prefix, prefix + "\uffff", limit),
        ).fetchall()
        return [(r[0], int(r[1])) for r in rows]

    def _matched_ids(self, match: str, filters: dict[str, Any] | None, sql: _Sql) -> str:
        """The ids of the matches, the MATCH_LIMIT written last when more match (as SQLite's facets)."""
        hits = self._hits(parse(match) if match else None, filters, sql)
        if not hits:
            return "SELECT NULL::text WHERE FALSE"
        return f"SELECT h.id FROM ({hits[0]}) h ORDER BY h.written DESC LIMIT {sql.p(MATCH_LIMIT)}"

    def facets(self, match: str, filters: dict[str, Any] | None = None, limit: int = 10) -> dict[str, list[tuple[str, int]]]:
        """Counts of matching documents by source, language, year, event type and top entities per type,
        over the MATCH_LIMIT matches written last when more match."""
        out: dict[str, list[tuple[str, int]]] = {}
        try:
            for key, expr in (("source", "coalesce((d.meta->>'outlet') COLLATE \"C\", d.source)"),
                              ("language", "d.language"), ("year", "substr(d.published, 1, 4)")):
                sql = _Sql()
                matched = self._matched_ids(match, filters, sql)
                rows = self.conn.execute(
                    f"SELECT {expr} AS k, count(*) AS n FROM documents d WHERE d.id IN ({matched}) "
                    f"AND {expr} IS NOT NULL GROUP BY k ORDER BY n DESC, k LIMIT {sql.p(limit)}", sql.params,
                ).fetchall()
                out[key] = [(str(k), int(n)) for k, n in rows]
            sql = _Sql()
            matched = self._matched_ids(match, filters, sql)
            rows = self.conn.execute(
                f"SELECT type, count(DISTINCT doc_id) AS n FROM events WHERE doc_id IN ({matched}) "
                f"GROUP BY type ORDER BY n DESC, type LIMIT {sql.p(limit)}", sql.params,
            ).fetchall()
            out["event"] = [(str(k), int(n)) for k, n in rows]
            sql = _Sql()
            matched = self._matched_ids(match, filters, sql)
            rows = self.conn.execute(
                f"SELECT type, lemma, count(DISTINCT doc_id) AS n FROM entities WHERE doc_id IN ({matched}) "
                "AND type != 'DATE' GROUP BY type, lemma ORDER BY n DESC, lemma", sql.params,
            ).fetchall()
        except psycopg.Error as e:
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
        sql = _Sql()
        where = ["e.type != 'DATE'"]
        if etype:
            where.append(f"e.type = {sql.p(etype)}")
        if date_from:
            where.append(f"d.published >= {sql.p(date_from)}")
        if date_to:
            where.append(f"d.published <= {sql.p(date_to + chr(0xFFFF))}")
        # a mention counts for the entity it links to (attrs.canonical), as in SQLiteStore.top_entities
        rows = self.conn.execute(
            f"SELECT e.type, {_CANONICAL} AS name, count(DISTINCT e.doc_id) AS n, count(*) FROM entities e "
            f"JOIN documents d ON d.id = e.doc_id WHERE {' AND '.join(where)} "
            f"GROUP BY e.type, name ORDER BY n DESC, name LIMIT {sql.p(limit)}", sql.params,
        ).fetchall()
        return [EntityCount(r[0], r[1], int(r[2]), int(r[3])) for r in rows]

    @staticmethod
    def _entity_docs(etype: str, lemma: str, sql: _Sql) -> str:
        return f"SELECT doc_id FROM entities WHERE type = {sql.p(etype)} AND lemma_fold = {sql.p(fold(lemma))}"

    def entity_mentions_by_month(self, etype: str, lemma: str) -> list[tuple[str, int]]:
        """(YYYY-MM, documents) for each month in which the entity (type, lemma, matched folded) is mentioned."""
        sql = _Sql()
        sub = self._entity_docs(etype, lemma, sql)
        rows = self.conn.execute(
            f"SELECT substr(published, 1, 7) AS m, count(*) FROM documents WHERE id IN ({sub}) "
            "AND published IS NOT NULL GROUP BY m ORDER BY m", sql.params,
        ).fetchall()
        return [(r[0], int(r[1])) for r in rows]

    def cooccurring_entities(self, etype: str, lemma: str, limit: int = 10) -> list[EntityCount]:
        """Entities mentioned in the most documents together with the given entity."""
        sql = _Sql()
        sub = self._entity_docs(etype, lemma, sql)
        rows = self.conn.execute(
            f"SELECT e.type, {_CANONICAL} AS name, count(DISTINCT e.doc_id) AS n, count(*) FROM entities e "
            f"WHERE e.doc_id IN ({sub}) AND e.type != 'DATE' "
            f"AND NOT (e.type = {sql.p(etype)} AND (e.lemma_fold = {sql.p(fold(lemma))} OR {_CANONICAL} = {sql.p(lemma)})) "
            f"GROUP BY e.type, name ORDER BY n DESC, name LIMIT {sql.p(limit)}", sql.params,
        ).fetchall()
        return [EntityCount(r[0], r[1], int(r[2]), int(r[3])) for r in rows]

    def entity_documents(self, etype: str, lemma: str) -> int:
        sql = _Sql()
        sub = self._entity_docs(etype, lemma, sql)
        return int(self.conn.execute(f"SELECT count(DISTINCT doc_id) FROM ({sub}) s", sql.params).fetchone()[0])  # type: ignore[index]

    def events(
        self, *, etype: str | None = None, entity: tuple[str, str] | None = None, date_from: str | None = None,
        date_to: str | None = None, limit: int = 50, offset: int = 0,
    ) -> list[EventRow]:
        """Events, newest first (event date, else the document's date): of a type, from documents
        mentioning an entity (type, lemma), within a date range."""
        sql = _Sql()
        where = ["TRUE"]
        if etype:
            where.append(f"v.type = {sql.p(etype)}")
        if entity:
            where.append(f"v.doc_id IN ({self._entity_docs(*entity, sql)})")
        if date_from:
            where.append(f"coalesce(v.date, d.published) >= {sql.p(date_from)}")
        if date_to:
            where.append(f"coalesce(v.date, d.published) <= {sql.p(date_to + chr(0xFFFF))}")
        rows = self.conn.execute(
            "SELECT v.doc_id, d.title, d.published, v.data::text FROM events v JOIN documents d ON d.id = v.doc_id "
            f"WHERE {' AND '.join(where)} ORDER BY coalesce(v.date, d.published) DESC NULLS LAST, v.doc_id, v.seq "
            f"LIMIT {sql.p(limit)} OFFSET {sql.p(offset)}", sql.params,
        ).fetchall()
        return [EventRow(r[0], r[1], r[2], Event.from_dict(_loads(r[3]))) for r in rows]

    def close(self) -> None:
        self.conn.close()
