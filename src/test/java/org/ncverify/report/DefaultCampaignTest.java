package org.ncverify.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Preset;
import org.ncverify.sampling.Profile;

/**
 * The default campaign is issue 14's list (built, never run here: its K = 1000 case takes
 * minutes): the CIFAR-LT counts by the published rule (equal to the presets where there is one),
 * the ImageNet-LT shape, the small cases with d &lt; K - 1, L = 6 and a near-threshold case, 8
 * optimizer starts on each small case, hunts on the ties and threshold profiles, 288 samples.
 */
class DefaultCampaignTest {
    @Test
    void theDefaultCampaignIsIssue14sList() {
        Campaign c = Campaign.defaultCampaign(40, 1, Campaign.DEFAULT_PER_PROFILE, Campaign.DEFAULT_HUNT_COUNT);
        List<NamedCase> named = c.named();
        assertEquals(12, named.size());
        assertArrayEquals(Preset.CIFAR10_LT_10.sizes(), sizes(named, "CIFAR-10-LT rho=10"));
        assertArrayEquals(Preset.CIFAR10_LT_100.sizes(), sizes(named, "CIFAR-10-LT rho=100"));
        assertArrayEquals(Preset.CIFAR100_LT_100.sizes(), sizes(named, "CIFAR-100-LT rho=100"));
        assertArrayEquals(NamedCase.longTail(10, 5000, 50), sizes(named, "CIFAR-10-LT rho=50"));
        assertArrayEquals(NamedCase.longTail(100, 500, 10), sizes(named, "CIFAR-100-LT rho=10"));
        Instance imagenet = find(named, "ImageNet-LT shape (--preset imagenet-lt)");
        assertArrayEquals(Preset.IMAGENET_LT.sizes(), imagenet.sizes());
        assertEquals(1000, imagenet.classes());
        assertEquals(1280, imagenet.size(0));
        assertEquals(5, imagenet.size(999));
        Instance bottleneck = find(named, "bottleneck d < K-1");
        assertTrue(bottleneck.dim() < bottleneck.classes() - 1);
        assertEquals(6, find(named, "deep L=6").depth());
        assertEquals("CIFAR-100-LT rho=100", named.get(c.longTail()).label());
        assertEquals(DefaultCampaign.SMALL, c.optimizer().size());
        for (OptimizerCase o : c.optimizer()) {
            assertEquals(8, o.starts());
            assertTrue(o.instance().total() <= 64, o.label() + " is small");
        }
        assertEquals(List.of("true-ties", "near-threshold"), c.hunts().stream().map(HuntStep::profile).toList());
        assertEquals(288, c.seeds().size() * Profile.values().length);
        assertEquals(12 + 9 + 5 + 2 + 1, c.steps());
    }

    private static long[] sizes(List<NamedCase> named, String label) {
        return find(named, label).sizes();
    }

    private static Instance find(List<NamedCase> named, String label) {
        return named.stream().filter(n -> n.label().equals(label)).findFirst().orElseThrow(() -> new AssertionError(label))
            .instance();
    }
}
