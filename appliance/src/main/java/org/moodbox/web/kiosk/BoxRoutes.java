package org.moodbox.web.kiosk;

import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The box's own facts for the kiosk screen, on {@code GET /api/box}: the owner's page address (written at
 * first boot of the appliance image, so a new owner knows where to point the phone), whether the admin
 * password is set yet (until then the screen shows the address large), and, for the kiosk itself only,
 * whether the presence sensor sees someone (a page loaded while nobody is there starts asleep).
 */
public final class BoxRoutes {
    private final Supplier<Optional<String>> adminAddress;
    private final BooleanSupplier adminPasswordSet;
    private final BooleanSupplier someoneThere;
    private final Predicate<String> kioskClient;

    public BoxRoutes(Supplier<Optional<String>> adminAddress, BooleanSupplier adminPasswordSet, BooleanSupplier someoneThere,
              Predicate<String> kioskClient) {
        this.adminAddress = adminAddress;
        this.adminPasswordSet = adminPasswordSet;
        this.someoneThere = someoneThere;
        this.kioskClient = kioskClient;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/box", ctx -> {
            Map<String, Object> box = new LinkedHashMap<>();
            box.put("adminUrl", adminAddress.get().orElse(null));
            box.put("adminPasswordSet", adminPasswordSet.getAsBoolean());
            // Presence says whether someone is in the room: like the live stream, only for the box's own screen.
            if (kioskClient.test(ctx.req().getRemoteAddr())) {
                box.put("present", someoneThere.getAsBoolean());
            }
            ctx.json(box);
        });
    }
}
