"""Character alignment of a right and a wrong spelling, used to learn and to apply error costs."""

from __future__ import annotations


def align_chars(right: str, wrong: str) -> list[tuple[str, str]]:
    """Operations (right_char, wrong_char) turning `right` into `wrong` with the fewest edits.

    '' on the right is an insertion, '' on the wrong side a deletion; equal pairs are matches.
    """
    n, m = len(right), len(wrong)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        ri = right[i - 1]
        row, prev = d[i], d[i - 1]
        for j in range(1, m + 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ri != wrong[j - 1]))
    ops: list[tuple[str, str]] = []
    i, j = n, m
    while i or j:
        if i and j and d[i][j] == d[i - 1][j - 1] + (right[i - 1] != wrong[j - 1]):
            ops.append((right[i - 1], wrong[j - 1]))
            i, j = i - 1, j - 1
        elif i and d[i][j] == d[i - 1][j] + 1:
            ops.append((right[i - 1], ""))
            i -= 1
        else:
            ops.append(("", wrong[j - 1]))
            j -= 1
    ops.reverse()
    return ops
