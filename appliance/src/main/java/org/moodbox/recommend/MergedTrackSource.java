package org.moodbox.recommend;

import org.moodbox.model.SourceKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.moodbox.model.Track;

/**
 * The local catalog plus the online candidate sources, as one {@link TrackSource}. Catalog rows that belong
 * to a candidate source are left out of the catalog part and come back only through that source, so a
 * service that is down (or unlinked) takes its tracks off the cards instead of leaving unplayable ones.
 *
 * <p>The merged list is rebuilt only when one of its parts is a new list instance, keeping the recommender's
 * "same instance, same index" contract.
 */
public final class MergedTrackSource implements TrackSource {
    private final TrackSource base;
    private final List<CandidateSource> sources;
    private final Set<SourceKind> sourceKinds = java.util.EnumSet.noneOf(SourceKind.class);
    private List<Track> lastBase;
    private List<List<Track>> lastParts = List.of();
    private List<Track> merged = List.of();

    public MergedTrackSource(TrackSource base, List<CandidateSource> sources) {
        this.base = Objects.requireNonNull(base);
        this.sources = List.copyOf(sources);
        this.sources.forEach(s -> sourceKinds.add(s.sourceKind()));
    }

    @Override
    public synchronized List<Track> tracks() {
        List<Track> baseTracks = base.tracks();
        List<List<Track>> parts = new ArrayList<>(sources.size());
        for (CandidateSource s : sources) {
            parts.add(s.candidates());
        }
        if (baseTracks == lastBase && sameInstances(parts, lastParts)) {
            return merged;
        }
        List<Track> all = new ArrayList<>(baseTracks.size());
        Set<Long> ids = new HashSet<>();
        for (Track t : baseTracks) {
            if (!sourceKinds.contains(t.source()) && ids.add(t.id())) {
                all.add(t);
            }
        }
        for (List<Track> part : parts) {
            for (Track t : part) {
                if (ids.add(t.id())) {
                    all.add(t);
                }
            }
        }
        lastBase = baseTracks;
        lastParts = parts;
        merged = List.copyOf(all);
        return merged;
    }

    private static boolean sameInstances(List<List<Track>> a, List<List<Track>> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Set<Long> explicitTrackIds() {
        return base.explicitTrackIds();
    }

    @Override
    public PlayHistory history(int window) {
        return base.history(window);
    }
}
