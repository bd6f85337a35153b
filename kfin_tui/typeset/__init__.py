"""CJK-aware line breaking for Rich text (no Textual dependency).

Rich and Textual only wrap at spaces and fold Chinese runs anywhere; this
package breaks between ideographs, keeps Latin words / numbers / URLs and
number+unit groups (``603.8亿元``) together and applies kinsoku rules for
punctuation.
"""

from .linebreak import break_opportunities, segments
from .renderable import CJKText
from .wrap import balanced_ranges, cells, fold_cells, line_ranges, wrap

__all__ = [
    "CJKText",
    "balanced_ranges",
    "break_opportunities",
    "cells",
    "fold_cells",
    "line_ranges",
    "segments",
    "wrap",
]
