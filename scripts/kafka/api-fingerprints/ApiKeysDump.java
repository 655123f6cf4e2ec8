// Cross-check for generate.mjs --verify: asks one kafka-clients jar's own ApiKeys (by reflection, so the same
// source runs against 2.8 to 4.x) what a broker advertises, independently of the JSON files the table is read from.
//   java -cp kafka-clients-<v>.jar scripts/kafka/api-fingerprints/ApiKeysDump.java
// One line per API key: `<id> <min>-<max>|- <zkBroker> <broker> <controller> <forwardable>` (booleans as 0/1), where
// the range is what ApiVersions lists with unstable versions disabled, or `-` when it lists nothing.
import java.lang.reflect.Method;
import java.util.Optional;

public class ApiKeysDump {
  public static void main(String[] args) throws Exception {
    Class<?> apiKeys = Class.forName("org.apache.kafka.common.protocol.ApiKeys");
    Class<?> listenerType = Class.forName("org.apache.kafka.common.message.ApiMessageType$ListenerType");
    Object zkBroker = constant(listenerType, "ZK_BROKER");
    Object broker = constant(listenerType, "BROKER");
    Object controller = constant(listenerType, "CONTROLLER");
    Method inScope = apiKeys.getMethod("inScope", listenerType);
    Method forApiResponse = method(apiKeys, "toApiVersionForApiResponse", boolean.class, listenerType); // 4.0+
    Method toApiVersion = method(apiKeys, "toApiVersion", boolean.class); // 3.5+
    for (Object key : apiKeys.getEnumConstants()) {
      String range;
      if (forApiResponse != null) range = format((Optional<?>) forApiResponse.invoke(key, false, broker));
      else if (toApiVersion != null) range = format((Optional<?>) toApiVersion.invoke(key, false));
      else range = apiKeys.getMethod("oldestVersion").invoke(key) + "-" + apiKeys.getMethod("latestVersion").invoke(key);
      System.out.println(apiKeys.getField("id").getShort(key) + " " + range
          + " " + scope(inScope, key, zkBroker) + " " + scope(inScope, key, broker) + " " + scope(inScope, key, controller)
          + " " + (apiKeys.getField("forwardable").getBoolean(key) ? 1 : 0));
    }
  }

  static Object constant(Class<?> type, String name) {
    for (Object value : type.getEnumConstants()) if (value.toString().equals(name)) return value;
    return null; // ZK_BROKER is gone in 4.0
  }

  static Method method(Class<?> type, String name, Class<?>... parameters) {
    try {
      return type.getMethod(name, parameters);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  static int scope(Method inScope, Object key, Object listener) throws Exception {
    return listener != null && (boolean) inScope.invoke(key, listener) ? 1 : 0;
  }

  static String format(Optional<?> version) throws Exception {
    if (version.isEmpty()) return "-";
    Object v = version.get();
    return v.getClass().getMethod("minVersion").invoke(v) + "-" + v.getClass().getMethod("maxVersion").invoke(v);
  }
}
