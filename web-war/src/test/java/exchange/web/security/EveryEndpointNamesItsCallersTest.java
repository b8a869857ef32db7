package exchange.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every resource method of the API says who may call it; one that does not would be closed (403) at run time. */
class EveryEndpointNamesItsCallersTest {
    @Test
    void everyResourceMethodIsOpenedExplicitly() throws Exception {
        java.nio.file.Path classes = Paths.get("target/classes");
        List<String> silent = new ArrayList<>();
        int checked = 0;
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (!type.isAnnotationPresent(Path.class)) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    if (isResourceMethod(m)) {
                        checked++;
                        if (!ClosedUnlessOpened.saysWhoMayCall(m, type)) {
                            silent.add(type.getSimpleName() + "." + m.getName());
                        }
                    }
                }
            }
        }
        assertTrue(checked > 50, "found the resources (" + checked + " methods)");
        assertEquals(List.of(), silent, "resource methods that name no caller");
    }

    @Test
    void aMethodThatSaysNothingIsClosedAndAnOpenClassOpensIt() throws IOException, NoSuchMethodException {
        assertFalse(ClosedUnlessOpened.saysWhoMayCall(Silent.class.getMethod("get"), Silent.class));
        assertTrue(ClosedUnlessOpened.saysWhoMayCall(Opened.class.getMethod("get"), Opened.class));
    }

    private static boolean isResourceMethod(Method m) {
        return Stream.of(m.getAnnotations()).anyMatch(a -> a.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class))
                || m.isAnnotationPresent(Path.class);
    }

    @Path("silent")
    public static class Silent {
        @GET
        public String get() {
            return "";
        }
    }

    @Path("open")
    @Open
    public static class Opened {
        @GET
        public String get() {
            return "";
        }
    }
}
