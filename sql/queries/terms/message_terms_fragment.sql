arrayDistinct(arrayFilter(
    t -> lengthUTF8(t) >= 2 AND NOT match(t, '[0-9]'),
    /*include:terms/words_fragment*/
))
