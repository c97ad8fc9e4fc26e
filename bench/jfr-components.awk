# The execution samples of a JFR recording by component (issue 14: where the CPU of an import goes).
#
#   jfr print --stack-depth 128 --events jdk.ExecutionSample FILE.jfr | awk -f bench/jfr-components.awk
#
# (bench/server.sh's jfr_report runs it.) Each sample goes to the FIRST component of the list below
# that matches any frame of its stack (a frame: "package.Class.method(...)"). The order is what
# decides: work done for a thumbnail counts there even when it is SQL or PixelMed underneath; the SQL
# of the import log counts as JPA/SQL (its multi-row INSERT makes EclipseLink flush the transaction's
# other INSERTs first), "import-log rows" is the rest of its work; the file moves after a commit (FileTransaction's afterCompletion) count as file moves;
# H2's commit of its store when an INSERT takes the next value of an identity sequence has a line of
# its own; a transaction's prepare/commit phase counts as commit even when H2 or Artemis does it, while
# the SQL EclipseLink sends when flushing before the commit counts as JPA/SQL. Stacks deeper
# than --stack-depth are cut at the root end, so the rules match frames near the leaf. This is the
# one place the classification lives: when classes are renamed, update the patterns here.
BEGIN {
  n = 0
  rule("thumbnails",           "^org\\.neuroarchive\\.[a-z.]*\\.[A-Za-z]*Thumbnail")
  rule("file moves + fsync",   "^org\\.neuroarchive\\.files\\.(AtomicFiles|FileTransaction)|^sun\\.nio\\.fs\\.Unix(CopyFile|FileSystem\\.move|FileSystemProvider\\.(move|copy|createLink|delete|implDelete))|^java\\.nio\\.file\\.Files\\.(move|copy|createLink|delete)|^sun\\.nio\\.ch\\.(FileDispatcherImpl|FileChannelImpl)\\.force")
  rule("SQL: H2 sequence flush (INSERT of an identity)", "^org\\.h2\\.schema\\.Sequence\\.flush")
  rule("commit",               "^com\\.arjuna\\.ats\\.arjuna\\.coordinator\\.BasicAction\\.(prepare|phase2Commit|onePhaseCommit|doCommit|doPrepare)|^com\\.arjuna\\.ats\\.internal\\.arjuna\\.(abstractrecords|objectstore)\\.|^com\\.arjuna\\.ats\\.internal\\.jta\\.resources\\.arjunacore\\.XA|^org\\.jboss\\.jca\\.[A-Za-z.]*\\.commit\\(|^org\\.h2\\.[A-Za-z.]*\\.(commit|prepareCommit)\\(|^(com\\.mysql|org\\.mariadb)[A-Za-z.]*\\.commit\\(")
  rule("full read + digest",   "^org\\.neuroarchive\\.dicom\\.(DicomReader\\.inspect|PixelDataCheck|SameContent|InspectedInstance)|^java\\.security\\.MessageDigest|^sun\\.security\\.provider\\.(SHA|Digest)")
  rule("header read",          "^org\\.neuroarchive\\.dicom\\.(DicomReader\\.readHeader|DicomHeader|ElementScan|ScanStream|ScanInput|ScanValues|AcquisitionReader)|^com\\.pixelmed\\.")
  rule("JPA/SQL",              "^org\\.eclipse\\.persistence\\.|^org\\.h2\\.|^com\\.mysql\\.|^org\\.mariadb\\.|^org\\.jboss\\.jca\\.|^java\\.sql\\.|^jakarta\\.persistence\\.")
  rule("import-log rows",      "^org\\.neuroarchive\\.importlog\\.")
  rule("JMS/Artemis",          "^org\\.apache\\.activemq\\.|^org\\.wildfly\\.extension\\.messaging\\.|^jakarta\\.jms\\.|^org\\.jboss\\.as\\.ejb3\\.inflow\\.")
  rule("scan",                 "^org\\.neuroarchive\\.importing\\.(boundary\\.|control\\.(IncomingScanner|IncomingFiles|ClaimFolder|ClaimQueue|ScanLog|ScanReport|ScanSummary|ScanRequests|ScanTrigger|SeriesGrouper|ReceivedFolders))")
  rule("DICOM network",        "^org\\.neuroarchive\\.receiver\\.|^org\\.neuroarchive\\.dicom\\.(StorageListener|StorageAssociation|Pdus|PduLimitStream|ObjectFile|PeerSocket|CommandSet|AssociateRequest)")
  rule("archive + matching (other application code)", "^org\\.neuroarchive\\.(archive|matching|importing|individual|application)\\.")
  rule("security/other",       ".")
  depth = -1
}
function rule(name, pattern) { n++; names[n] = name; patterns[n] = pattern }
function classify(   r, k) {
  for (r = 1; r <= n; r++)
    for (k = 1; k <= frames; k++)
      if (stack[k] ~ patterns[r]) return r
  return n
}
/^jdk\.ExecutionSample/ { samples++ }
/stackTrace = \[/ { depth = 0; frames = 0; next }
depth >= 0 && /^[ \t]+\]/ {
  r = classify()
  count[r]++
  if (r == n && frames > 0) other[stack[1]]++
  depth = -1
  next
}
depth >= 0 && /^[ \t]+[A-Za-z_$]/ {
  f = $0; sub(/^[ \t]+/, "", f); sub(/[ \t]+line:.*/, "", f)
  stack[++frames] = f
}
END {
  if (samples == 0) { print "  no execution samples"; exit }
  printf "  samples by component (%d execution samples; first matching rule of bench/jfr-components.awk):\n", samples
  for (r = 1; r <= n; r++) printf "  %-48s %7d  %5.1f %%\n", names[r], count[r], 100 * count[r] / samples
  print "  hottest leaf frames of security/other:"
  cmd = "sort -rn | head -8"
  for (f in other) printf "%7d  %s\n", other[f], f | cmd
  close(cmd)
}
