"""Versions of a draft: aligning a new version's articles with the old (the 修改对照表), and applying
an amendment draft (修正案 / 修改决定) to the text it amends. Pure: parsed drafts in, plain data out."""
