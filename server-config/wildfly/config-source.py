"""Prints the key=value lines of a .properties file as a WildFly CLI object: {"key"=>"value",...}.
Used by configure.sh for NEUROARCHIVE_CONFIG_FILE. Comments (# or !) and blank lines are skipped."""
import sys


def escape(text):
    return text.replace("\\", "\\\\").replace('"', '\\"')


pairs = []
with open(sys.argv[1], encoding="utf-8") as properties:
    for line in properties:
        line = line.strip()
        if not line or line[0] in "#!":
            continue
        separators = [i for i in (line.find("="), line.find(":")) if i >= 0]
        if not separators:
            sys.exit("configure.sh: not a key=value line in %s: %s" % (sys.argv[1], line))
        key, value = line[:min(separators)].strip(), line[min(separators) + 1:].strip()
        pairs.append('"%s"=>"%s"' % (escape(key), escape(value)))
print("{" + ",".join(pairs) + "}")
