-- A workspace is one tenant (a company, or an agency's client). Settings are edited by inserting
-- the row again with a higher version; ReplacingMergeTree keeps the newest.
CREATE TABLE IF NOT EXISTS workspaces
(
    workspace_id          LowCardinality(String),
    name                  String,
    timezone              LowCardinality(String) DEFAULT 'UTC',
    currency              LowCardinality(String) DEFAULT 'USD',
    -- An unanswered inbound message younger than this is pending, older is missed (DESIGN.md).
    sla_hours             Float32 DEFAULT 24,
    -- Business calendar for business-time FRT: ISO weekdays (1 = Monday) and minutes from midnight.
    business_days         Array(UInt8) DEFAULT [1, 2, 3, 4, 5],
    business_start_minute UInt16 DEFAULT 540,
    business_end_minute   UInt16 DEFAULT 1020,
    created_at            DateTime64(3, 'UTC') DEFAULT now64(3),
    version               UInt64 DEFAULT toUnixTimestamp64Milli(now64(3))
)
ENGINE = ReplacingMergeTree(version)
ORDER BY workspace_id;
