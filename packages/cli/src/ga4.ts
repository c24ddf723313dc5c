/**
 * Flattens a GA4 BigQuery export (one row per event, products in an `items` array, the session in the
 * `ga_session_id` event parameter) into the documented columns, one row per event and item. DuckDB
 * dialect; docs/train.md has the same mapping in BigQuery SQL. `{{source}}` is the file's reader.
 */
export const GA4_SELECT = `SELECT
  CAST(user_pseudo_id AS VARCHAR) || '.' || coalesce(CAST(
    list_filter(event_params, p -> p.key = 'ga_session_id')[1].value.int_value AS VARCHAR), '') AS session_id,
  CAST(user_pseudo_id AS VARCHAR) AS visitor_id,
  CAST(it.item_id AS VARCHAR) AS item_id,
  CAST(event_name AS VARCHAR) AS event_type,
  CAST(event_timestamp AS VARCHAR) AS timestamp,
  CAST(it.item_list_id AS VARCHAR) AS list_id,
  CAST(try_cast(it.item_list_index AS INTEGER) AS VARCHAR) AS position,
  CAST(it.item_category AS VARCHAR) AS category
FROM (SELECT *, unnest(items) AS it FROM {{source}})`;
