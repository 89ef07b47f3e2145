splitByNonAlpha(lowerUTF8(replaceRegexpAll(
        -- Apostrophes go first so "don't" is one word; then links and handles become spaces.
        replaceRegexpAll(text, '[\'’]', ''),
        '(https?://\\S+|www\\.\\S+|@\\w+)', ' ')))
