#!/usr/bin/env python3
"""A GlassFish deployment plan that puts the EAR's message-driven beans on the Artemis resource adapter.

    artemis-plan.py GLASSFISH_EJB_JAR_XML PLAN_JAR JNDI_NAME=ADDRESS...

Reads the EJB module's own META-INF/glassfish-ejb-jar.xml (written for Payara's built-in OpenMQ: each
message-driven bean names its queue's JNDI name and the resource adapter jmsra with OpenMQ's redelivery
properties) and writes PLAN_JAR holding neuroarchive-ejb.jar.glassfish-ejb-jar.xml, which
"asadmin deploy --deploymentplan PLAN_JAR" uses instead of the module's own: the same file, with each
message-driven bean on the resource adapter artemis-ra, consuming from the broker address its queue's
JNDI name maps to (JNDI_NAME=ADDRESS, from the admin objects configure.sh made) without a JNDI lookup.
Redelivery (delay, attempts, dead-letter address) is left to the broker's address settings.
Used by deploy.sh.
"""
import re
import sys
import zipfile

ENTRY = "neuroarchive-ejb.jar.glassfish-ejb-jar.xml"
ADAPTER = "artemis-ra"


def activation(address):
    properties = (("destination", address), ("useJNDI", "false"))
    lines = ["      <mdb-resource-adapter>",
             f"        <resource-adapter-mid>{ADAPTER}</resource-adapter-mid>",
             "        <activation-config>"]
    for name, value in properties:
        lines += ["          <activation-config-property>",
                  f"            <activation-config-property-name>{name}</activation-config-property-name>",
                  f"            <activation-config-property-value>{value}</activation-config-property-value>",
                  "          </activation-config-property>"]
    lines += ["        </activation-config>", "      </mdb-resource-adapter>"]
    return "\n".join(lines)


def rewrite(xml, addresses):
    """Each <ejb> with an <mdb-resource-adapter>: its <jndi-name> (the queue) and adapter replaced."""
    done = []

    def bean(match):
        block = match.group(0)
        if "<mdb-resource-adapter>" not in block:
            return block
        name = re.search(r"<ejb-name>([^<]+)</ejb-name>", block).group(1)
        queue = re.search(r"\n\s*<jndi-name>([^<]+)</jndi-name>", block)
        if queue is None or queue.group(1) not in addresses:
            sys.exit(f"artemis-plan.py: the message-driven bean {name} names no queue of {sorted(addresses)}")
        block = block.replace(queue.group(0), "", 1)
        block = re.sub(r"      <mdb-resource-adapter>.*?</mdb-resource-adapter>",
                       lambda _: activation(addresses[queue.group(1)]), block, count=1, flags=re.S)
        done.append(name)
        return block

    xml = re.sub(r"<ejb>.*?</ejb>", bean, xml, flags=re.S)
    if not done:
        sys.exit("artemis-plan.py: found no message-driven bean with an <mdb-resource-adapter>")
    note = ("<!-- Deployment plan made by server-config/payara/deploy.sh for an ActiveMQ Artemis broker: the EJB\n"
            f"     module's glassfish-ejb-jar.xml with the message-driven beans ({', '.join(done)}) on {ADAPTER}. -->\n")
    return xml.replace("<glassfish-ejb-jar>", note + "<glassfish-ejb-jar>", 1), done


def main(args):
    if len(args) < 3 or any("=" not in mapping for mapping in args[2:]):
        sys.exit(__doc__)
    addresses = dict(mapping.split("=", 1) for mapping in args[2:])
    with open(args[0], encoding="utf-8") as source:
        xml, beans = rewrite(source.read(), addresses)
    with zipfile.ZipFile(args[1], "w") as plan:
        plan.writestr(ENTRY, xml)
    print(f"[neuroarchive] deployment plan {args[1]}: {', '.join(beans)} on {ADAPTER}")


if __name__ == "__main__":
    main(sys.argv[1:])
