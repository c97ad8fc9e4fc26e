package org.neuroarchive.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailedDeliveryTest {

    @Test
    void thePauseDoublesFromOneSecondUpToThirty() {
        assertEquals(Duration.ofSeconds(1), FailedDelivery.pauseAfter(1));
        assertEquals(Duration.ofSeconds(2), FailedDelivery.pauseAfter(2));
        assertEquals(Duration.ofSeconds(16), FailedDelivery.pauseAfter(5));
        assertEquals(Duration.ofSeconds(30), FailedDelivery.pauseAfter(6));
        assertEquals(Duration.ofSeconds(30), FailedDelivery.pauseAfter(1000));
    }

    @Test
    void aMissingOrOddDeliveryCountCountsAsTheFirst() {
        assertEquals(Duration.ofSeconds(1), FailedDelivery.pauseAfter(0));
        assertEquals(Duration.ofSeconds(1), FailedDelivery.pauseAfter(-3));
    }

    @Test
    void tenDeliveriesOutlastAThirtySecondOutageWithRoomToSpare() {
        long waited = 0;
        for (int delivery = 1; delivery < 10; delivery++) {
            waited += FailedDelivery.pauseAfter(delivery).toSeconds();
        }
        assertEquals(151, waited);
    }
}
