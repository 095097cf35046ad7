package dev.couchannel.recommendation.taste;

import java.util.List;

/** A session recommended to a guest, with its score (higher first) and the reasons behind it. */
public record Recommendation(Candidate candidate, double score, List<Reason> reasons) {

    public Recommendation {
        reasons = List.copyOf(reasons);
    }
}
