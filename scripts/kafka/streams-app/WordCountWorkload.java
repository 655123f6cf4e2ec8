// A Kafka Streams application on the streams rebalance protocol (KIP-1071, group.protocol=streams): the
// streams-group workload of the tests and the demo. It counts the words of the lines on an input topic, so its
// topology has every kind of topic a streams group describes: a source topic, a repartition topic (words are
// re-keyed before counting) and a changelog topic (the counts' state store).
//
// Run from source on the cluster's own classpath (no build step) as scripts/kafka/bin/kafka-streams-wordcount:
//   --bootstrap-server HOST:PORT --application-id ID --input-topic T --output-topic T --state-dir DIR [--threads N]
// Waits for its input topic (Kafka Streams gives up on a missing source topic after 10 s), prints "RUNNING" once the
// application is processing, exits 1 if it fails, and closes cleanly on SIGTERM.
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

public class WordCountWorkload {
  private static final String[] REQUIRED = {"--bootstrap-server", "--application-id", "--input-topic", "--output-topic", "--state-dir"};

  public static void main(String[] args) throws InterruptedException {
    HashMap<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) options.put(args[i], args[i + 1]);
    for (String name : REQUIRED) {
      if (!options.containsKey(name)) {
        System.err.println("missing " + name + " (usage: " + String.join(" X ", REQUIRED) + " X [--threads N])");
        System.exit(2);
      }
    }
    Properties props = new Properties();
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, options.get("--bootstrap-server"));
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, options.get("--application-id"));
    props.put(StreamsConfig.STATE_DIR_CONFIG, options.get("--state-dir"));
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, options.getOrDefault("--threads", "1"));
    props.put("group.protocol", "streams");
    // Counts reach the output topic within a second, so lag and offsets move while a test watches.
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "500");
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");

    StreamsBuilder builder = new StreamsBuilder();
    builder
        .stream(options.get("--input-topic"), Consumed.with(Serdes.String(), Serdes.String()))
        .flatMapValues(line -> Arrays.asList(line.toLowerCase(Locale.ROOT).split("\\W+")))
        .filter((key, word) -> !word.isEmpty())
        .map((key, word) -> KeyValue.pair(word, word))
        .groupByKey(Grouped.with("words", Serdes.String(), Serdes.String()))
        // An in-memory store: a changelog topic without RocksDB's native library.
        .count(Materialized.<String, Long>as(Stores.inMemoryKeyValueStore("word-counts")))
        .toStream()
        .to(options.get("--output-topic"), Produced.with(Serdes.String(), Serdes.Long()));

    awaitTopic(options.get("--bootstrap-server"), options.get("--input-topic"));
    KafkaStreams streams = new KafkaStreams(builder.build(), props);
    CountDownLatch closed = new CountDownLatch(1);
    streams.setStateListener((now, before) -> {
      if (now == KafkaStreams.State.RUNNING) System.out.println("RUNNING");
      if (now == KafkaStreams.State.ERROR) {
        System.err.println("streams application failed");
        // halt: exit() would wait for the shutdown hook, which waits for the streams client this thread belongs to.
        Runtime.getRuntime().halt(1);
      }
    });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      streams.close(Duration.ofSeconds(10));
      closed.countDown();
    }));
    streams.start();
    closed.await();
  }

  /** Until the topic exists (the demo's traffic creates its topics while this starts), checking every second. */
  private static void awaitTopic(String bootstrap, String topic) throws InterruptedException {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(props)) {
      for (int attempt = 0; ; attempt++) {
        try {
          admin.describeTopics(List.of(topic)).allTopicNames().get();
          return;
        } catch (java.util.concurrent.ExecutionException missing) {
          if (attempt == 0) System.err.println("waiting for topic " + topic);
          Thread.sleep(1_000);
        }
      }
    }
  }
}
