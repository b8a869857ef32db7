package exchange.it.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The cluster that {@code ./exchange start --cluster} runs (server-config/cluster/cluster.sh): its
 * two Payara instances by name and HTTP port, which one leads the engine, their processes (to kill
 * -9), and the DAS's {@code asadmin} to start one again; the two replicas of its RocketMQ broker
 * group, which one is master (each writes its role to {@code run/<name>.role}), and
 * {@code ./exchange broker start <name>} to start one again.
 */
public final class ClusterControl {
    /** One Payara instance of the deployment group. */
    public record Instance(String name, int port) {
    }

    /** What an instance's {@code /api/engine/role} said: leader, standby, starting, ... or down. */
    public enum Role { LEADER, STANDBY, STARTING, DOWN, OTHER }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(500)).build();

    private final List<Instance> instances = List.of(new Instance("inst1", 28081), new Instance("inst2", 28082));
    private final List<String> brokers = List.of("broker-r0", "broker-r1");
    private final Path work;

    public ClusterControl(Path work) {
        this.work = work;
    }

    public List<Instance> instances() {
        return instances;
    }

    /** True when both instances answer: the cluster runs (not the single-node domain). */
    public boolean running() {
        return instances.stream().allMatch(i -> role(i) != Role.DOWN);
    }

    public Role role(Instance i) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + i.port() + "/api/engine/role"))
                    .timeout(Duration.ofMillis(1000)).GET().build(), HttpResponse.BodyHandlers.ofString());
            String body = r.body();
            if (r.statusCode() == 200 && body.contains("\"leader\"")) {
                return Role.LEADER;
            }
            if (body.contains("\"standby\"")) {
                return Role.STANDBY;
            }
            if (body.contains("\"starting\"")) {
                return Role.STARTING;
            }
            return r.statusCode() == 404 || r.statusCode() >= 500 && !body.contains("\"role\"") ? Role.STARTING : Role.OTHER;
        } catch (IOException e) {
            return Role.DOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Role.DOWN;
        }
    }

    /** When the instance's engine took the lead (epoch ms, its own clock: this machine's), or 0. */
    public long leadingSince(Instance i) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + i.port() + "/api/engine/role"))
                    .timeout(Duration.ofMillis(2000)).GET().build(), HttpResponse.BodyHandlers.ofString());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"since\":(\\d+)").matcher(r.body());
            return r.statusCode() == 200 && m.find() ? Long.parseLong(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    public Optional<Instance> leader() {
        return instances.stream().filter(i -> role(i) == Role.LEADER).findFirst();
    }

    public Instance other(Instance i) {
        return instances.stream().filter(x -> !x.equals(i)).findFirst().orElseThrow();
    }

    /**
     * The instance's JVM, by the instance root Payara starts it with. Read from /proc: Java's own
     * {@code ProcessHandle.Info#arguments()} comes back empty for a command line as long as Payara's.
     */
    public Optional<ProcessHandle> process(Instance i) {
        String marker = "-Dcom.sun.aas.instanceRoot=" + work.resolve("cluster/payara6/glassfish/nodes/localhost-domain1")
                .resolve(i.name()).toAbsolutePath().normalize();
        return ProcessHandle.allProcesses().filter(p -> {
            try {
                String cmdline = Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"), StandardCharsets.ISO_8859_1);
                return java.util.Arrays.asList(cmdline.split("\0")).contains(marker);
            } catch (IOException | RuntimeException e) {
                return false; // gone meanwhile, or not ours to read
            }
        }).findFirst();
    }

    /** kill -9: no shutdown hook, no goodbye to the data grid. Returns when the process is gone. */
    public void kill(Instance i) {
        ProcessHandle p = process(i).orElseThrow(() -> new IllegalStateException(i.name() + " has no running process"));
        p.destroyForcibly();
        try {
            p.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(i.name() + " did not die", e);
        }
    }

    /** Starts the instance again through the DAS, as an operator would; returns when asadmin does. */
    public void start(Instance i) {
        Path asadmin = work.resolve("cluster/payara6/bin/asadmin");
        try {
            ProcessBuilder pb = new ProcessBuilder(asadmin.toString(), "start-instance", i.name()).redirectErrorStream(true);
            pb.environment().put("EXCHANGE_ADMIN_PASSWORD", Files.readString(work.resolve("keys/admin-password")).trim());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("asadmin start-instance " + i.name() + ": " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The broker replica the controller made master, and its process; empty while none is (or it is dead). */
    public Optional<String> brokerMaster() {
        return brokers.stream().filter(b -> brokerRole(b).filter(r -> r.role().equals("master")).isPresent()).findFirst();
    }

    public String otherBroker(String broker) {
        return brokers.stream().filter(b -> !b.equals(broker)).findFirst().orElseThrow();
    }

    /** What a replica's role file says: its role and its JVM; empty when the file is missing or that JVM is dead. */
    private record BrokerRole(String role, ProcessHandle process) {
    }

    private Optional<BrokerRole> brokerRole(String broker) {
        try {
            String[] role = Files.readString(work.resolve("run").resolve(broker + ".role")).trim().split(" ");
            return ProcessHandle.of(Long.parseLong(role[1])).filter(ProcessHandle::isAlive).map(p -> new BrokerRole(role[0], p));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** kill -9 of a broker replica: its store keeps what it flushed; unacknowledged appends are cut when it rejoins. */
    public void killBroker(String broker) {
        ProcessHandle p = brokerRole(broker).map(BrokerRole::process)
                .orElseThrow(() -> new IllegalStateException(broker + " has no running process"));
        p.destroyForcibly();
        try {
            p.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(broker + " did not die", e);
        }
    }

    /** Polls until the replica is the live master; the milliseconds it took, or -1. */
    public long awaitBrokerMaster(String broker, long timeoutMillis) {
        long t0 = System.nanoTime();
        while ((System.nanoTime() - t0) / 1_000_000 < timeoutMillis) {
            if (brokerMaster().filter(broker::equals).isPresent()) {
                return (System.nanoTime() - t0) / 1_000_000;
            }
            sleep(20);
        }
        return -1;
    }

    /** {@code ./exchange broker start <name>}: returns once the replica runs and knows its master. */
    public void startBroker(String broker) {
        exchange("broker", "start", broker);
    }

    /** Runs {@code ./exchange <args>} (the infrastructure's own commands); fails when it does. */
    public void exchange(String... args) {
        Path root = Path.of(System.getProperty("exchange.root", "."));
        List<String> command = new java.util.ArrayList<>(List.of("bash", root.resolve("exchange").toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("./exchange " + String.join(" ", args) + ": " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the instance has the role, or the time is up; returns the milliseconds it took, or -1. */
    public long await(Instance i, Role role, long timeoutMillis, long pollMillis) {
        long t0 = System.nanoTime();
        while ((System.nanoTime() - t0) / 1_000_000 < timeoutMillis) {
            if (role(i) == role) {
                return (System.nanoTime() - t0) / 1_000_000;
            }
            sleep(pollMillis);
        }
        return -1;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
