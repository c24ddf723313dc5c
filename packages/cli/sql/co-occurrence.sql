-- Inkling's item neighbours: for each item, the items engaged with in the same sessions.
-- One query in portable SQL (DuckDB, Spark SQL, BigQuery): see docs/train.md.
-- Input: a table named `events` with the columns session_id, item_id, event_type (Inkling's names).
-- Placeholders, replaced before the query runs: {{min_count}}, {{k}}, {{max_session_items}}.
-- Output: one row per kept pair, best first per item, with the counts neighbours.json needs.
WITH engaged AS (
  -- A session counts an item once, whatever it did with it; impressions and dismissals are not engagement.
  SELECT DISTINCT session_id, item_id
  FROM events
  WHERE event_type NOT IN ('impression', 'dismiss') AND session_id IS NOT NULL AND item_id IS NOT NULL
),
session_sizes AS (
  SELECT session_id, COUNT(*) AS items FROM engaged GROUP BY session_id
),
kept AS (
  -- Sessions that touch more items than a person would (crawlers, bulk tools) are left out: they would
  -- add every pair of a catalogue and make the join quadratic in their size.
  SELECT e.session_id, e.item_id
  FROM engaged e JOIN session_sizes s ON e.session_id = s.session_id
  WHERE s.items <= {{max_session_items}}
),
support AS (
  SELECT item_id, COUNT(*) AS sessions FROM kept GROUP BY item_id
),
pairs AS (
  SELECT a.item_id AS item_id, b.item_id AS neighbour_id, COUNT(*) AS sessions
  FROM kept a JOIN kept b ON a.session_id = b.session_id AND a.item_id <> b.item_id
  GROUP BY a.item_id, b.item_id
  -- The privacy floor: a pair seen in fewer sessions than this could point at one visitor.
  HAVING COUNT(*) >= {{min_count}}
),
ranked AS (
  SELECT item_id, neighbour_id, sessions,
    ROW_NUMBER() OVER (PARTITION BY item_id ORDER BY sessions DESC, neighbour_id) AS neighbour_rank
  FROM pairs
)
SELECT
  r.item_id,
  r.neighbour_id,
  r.sessions,
  r.neighbour_rank,
  si.sessions AS item_sessions,
  sn.sessions AS neighbour_sessions,
  (SELECT COUNT(DISTINCT session_id) FROM kept) AS total_sessions
FROM ranked r
JOIN support si ON si.item_id = r.item_id
JOIN support sn ON sn.item_id = r.neighbour_id
WHERE r.neighbour_rank <= {{k}}
ORDER BY r.item_id, r.neighbour_rank
