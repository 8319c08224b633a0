"""Each document kind: how its validated model becomes the values of its template.

One module per kind (ke_hoach, de_cuong with bao_cao, to_trinh, bien_ban, ho_so), the blocks they
share (normalise: header and numbered content; markup, tables, nominees), the templates they fill
(templates/*.docx, package data) and the registry that maps `loai:` to a kind.
"""
