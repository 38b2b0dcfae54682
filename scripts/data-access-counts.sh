#!/usr/bin/env bash
# Issue 8's before/after counts: raw sql.js handle uses outside main/db, positional row reads,
# type assertions, untyped row reads (all/scalar), Number()/String() conversions in main/.
cd "$(dirname "$0")/.."
echo "raw handle uses (.db. outside main/db):  $(grep -rnE '\b(caseDb|ctx\.db|db|this\.caseDb)\.db\b|\.db\.(run|exec|prepare|each|export|getRowsModified)\(' main --include=*.ts | grep -v '^main/db/' | wc -l)"
echo "positional row reads (x[0]..x[N] on rows): $(grep -rnoE '\b(r|row|rows\[[a-z]+\]|values|v|res\[0\]\.values\[[0-9a-z]+\])\[[0-9]+\]' main --include=*.ts | wc -l)"
echo "untyped reads (.all( / .scalar():          $(grep -rnoE '\.(all|scalar)\(' main --include=*.ts | wc -l)"
echo "Number()/String() conversions in main/:    $(grep -rnoE '\b(Number|String)\(' main --include=*.ts | wc -l)"
echo "type assertions (as X, not as const):       $(grep -rnoE '\bas [A-Z][A-Za-z<>\[\]]*|as unknown' main shared renderer --include=*.ts --include=*.tsx | grep -v 'as const' | wc -l)"
echo "files calling api().call in renderer/:      $(grep -rlE 'api\(\)\.call' renderer | wc -l)"
