package org.moodbox.vision;

/** An axis-aligned box in frame pixels (x2, y2 exclusive edges). */
public record BoundingBox(float x1, float y1, float x2, float y2) {
    public float width() {
        return x2 - x1;
    }

    public float height() {
        return y2 - y1;
    }

    public float area() {
        return Math.max(0, width()) * Math.max(0, height());
    }

    public float centerX() {
        return (x1 + x2) / 2;
    }

    public float centerY() {
        return (y1 + y2) / 2;
    }

    /** Intersection over union, or over the smaller box ("min" mode, used by MTCNN's last stage). */
    public float overlap(BoundingBox other, boolean overMin) {
        float w = Math.min(x2, other.x2) - Math.max(x1, other.x1);
        float h = Math.min(y2, other.y2) - Math.max(y1, other.y1);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        float inter = w * h;
        float denom = overMin ? Math.min(area(), other.area()) : area() + other.area() - inter;
        return denom <= 0 ? 0 : inter / denom;
    }

    /** The square of the same centre whose side is the longer edge: what R-Net and O-Net expect. */
    public BoundingBox square() {
        float side = Math.max(width(), height());
        float cx = centerX();
        float cy = centerY();
        return new BoundingBox(cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2);
    }
}
