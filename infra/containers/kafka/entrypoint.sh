#!/bin/sh
# Writes server.properties from the environment, formats the storage on the first start, runs the broker.
#   KAFKA_ADVERTISED_HOST  the name clients reach it by (default: kafka, the Compose service)
#   KAFKA_NUM_PARTITIONS   default partitions of auto-created topics (default 3)
#   KAFKA_HEAP_OPTS        JVM heap (default -Xms128m -Xmx512m); KAFKA_JVM_OPTS other JVM options (default G1)
set -eu
data=/var/lib/kafka/data
conf=/var/lib/kafka/server.properties
cat >"$conf" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:9093
listeners=PLAINTEXT://0.0.0.0:9092,CONTROLLER://127.0.0.1:9093
advertised.listeners=PLAINTEXT://${KAFKA_ADVERTISED_HOST:-kafka}:9092
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$data
num.partitions=${KAFKA_NUM_PARTITIONS:-3}
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
# shellcheck disable=SC2086  # word splitting of the options is wanted
opts="${KAFKA_HEAP_OPTS:--Xms128m -Xmx512m} ${KAFKA_JVM_OPTS:--XX:+UseG1GC} -Djava.awt.headless=true -Dlog4j2.configurationFile=/opt/kafka/log4j2.properties"
if [ ! -f "$data/meta.properties" ]; then
  # A Kafka cluster id: 16 random bytes, URL-safe base64 without padding, not starting with '-'.
  while :; do
    id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
    case $id in -*) ;; *) break ;; esac
  done
  java $opts -cp '/opt/kafka/lib/*' kafka.tools.StorageTool format --ignore-formatted -t "$id" -c "$conf"
fi
exec java $opts -cp '/opt/kafka/lib/*' kafka.Kafka "$conf"
