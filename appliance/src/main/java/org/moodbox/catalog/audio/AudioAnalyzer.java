package org.moodbox.catalog.audio;

/**
 * Measures loudness, onset rate, brightness, tempo and mode from mono PCM, with one short-time Fourier
 * transform pass (1024-point Hann frames, hop 256: 23 ms resolution at 11025 Hz).
 *
 * <ul>
 *   <li>Onsets: spectral flux, the half-wave rectified rise of log magnitudes (floored at -70 dBFS) between frames
 *       (Bello et al. 2005, "A tutorial on onset detection in music signals"), peaks above a moving
 *       median-like threshold.</li>
 *   <li>Tempo: autocorrelation of the onset envelope over 50..200 BPM, weighted towards 120 BPM on a log-lag
 *       Gaussian as in Ellis 2007 ("Beat tracking by dynamic programming"), with parabolic refinement.</li>
 *   <li>Mode: a 12-bin chroma vector (bins 190 Hz..3 kHz, where a 10.8 Hz bin is finer than a semitone) correlated
 *       with the 24 rotated Krumhansl-Kessler key profiles (Krumhansl 1990); the better mode wins.</li>
 * </ul>
 */
public final class AudioAnalyzer {
    private static final int FRAME = 1024;
    private static final int HOP = 256;
    /**
     * Magnitudes below -70 dBFS (a full-scale sine peaks at FRAME/4 with a Hann window) count as silence, so
     * that dither and quantisation noise do not look like onsets.
     */
    private static final double MAGNITUDE_FLOOR = FRAME / 4.0 * Math.pow(10, -70 / 20.0);
    /** A rise of the log spectrum smaller than this (about 1 dB over ten bins) is not an onset. */
    private static final double MIN_ONSET_FLUX = 1.0;
    private static final double SILENCE_DB = -70;
    private static final double[] MAJOR_PROFILE =
            {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
    private static final double[] MINOR_PROFILE =
            {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};

    private final Fft fft = new Fft(FRAME);
    private final double[] window = new double[FRAME];

    public AudioAnalyzer() {
        for (int i = 0; i < FRAME; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (FRAME - 1));
        }
    }

    public AudioDescriptors analyse(float[] samples, int sampleRate) {
        int frames = samples.length < FRAME ? 0 : 1 + (samples.length - FRAME) / HOP;
        double frameRate = sampleRate / (double) HOP;
        int bins = FRAME / 2;
        int[] pitchClassOfBin = pitchClasses(sampleRate, bins);

        double sumSquares = 0;
        for (float s : samples) {
            sumSquares += s * (double) s;
        }
        double rms = Math.sqrt(sumSquares / Math.max(1, samples.length));
        double rmsDb = 20 * Math.log10(Math.max(rms, 1e-9));
        if (rmsDb < SILENCE_DB) {
            // Digital silence has no brightness, tempo or key; measuring them would only report noise.
            return new AudioDescriptors(rmsDb, 0, 0, null, null, 0, -1);
        }

        double[] re = new double[FRAME];
        double[] im = new double[FRAME];
        double[] logMag = new double[bins];
        double[] prevLogMag = new double[bins];
        double[] flux = new double[frames];
        double[] chroma = new double[12];
        double centroidWeighted = 0;
        double centroidWeight = 0;
        for (int f = 0; f < frames; f++) {
            int offset = f * HOP;
            double frameEnergy = 0;
            for (int i = 0; i < FRAME; i++) {
                double x = samples[offset + i];
                frameEnergy += x * x;
                re[i] = x * window[i];
                im[i] = 0;
            }
            fft.transform(re, im);
            double magSum = 0;
            double weightedFreq = 0;
            double rise = 0;
            for (int k = 1; k < bins; k++) {
                double mag = Math.sqrt(re[k] * re[k] + im[k] * im[k]);
                magSum += mag;
                weightedFreq += mag * k;
                logMag[k] = Math.log(Math.max(mag, MAGNITUDE_FLOOR));
                double d = logMag[k] - prevLogMag[k];
                if (d > 0) {
                    rise += d;
                }
                if (pitchClassOfBin[k] >= 0) {
                    chroma[pitchClassOfBin[k]] += mag;
                }
            }
            flux[f] = f == 0 ? 0 : rise;
            double[] t = prevLogMag;
            prevLogMag = logMag;
            logMag = t;
            if (magSum > 1e-9) {
                double centroid = weightedFreq / magSum * sampleRate / FRAME;
                centroidWeighted += centroid * frameEnergy;
                centroidWeight += frameEnergy;
            }
        }
        double durationSeconds = samples.length / (double) sampleRate;
        double onsetRate = durationSeconds > 0 ? countOnsets(flux) / durationSeconds : 0;
        Double tempo = tempo(flux, frameRate);
        double[] key = key(chroma);
        return new AudioDescriptors(rmsDb, onsetRate,
                centroidWeight > 0 ? centroidWeighted / centroidWeight : 0, tempo,
                key[2] > 0.02 ? (int) key[1] : null, Math.min(1, key[2] / 0.2), (int) key[0]);
    }

    private static int[] pitchClasses(int sampleRate, int bins) {
        int[] pc = new int[bins];
        for (int k = 0; k < bins; k++) {
            double hz = k * (double) sampleRate / FRAME;
            if (hz < 190 || hz > 3000) {
                pc[k] = -1;
            } else {
                long midi = Math.round(69 + 12 * Math.log(hz / 440) / Math.log(2));
                pc[k] = (int) Math.floorMod(midi, 12L);
            }
        }
        return pc;
    }

    /** Local maxima of the flux that stand out from their half-second neighbourhood. */
    private static int countOnsets(double[] flux) {
        int radius = 10;
        int count = 0;
        double globalMean = mean(flux, 0, flux.length);
        for (int i = 1; i < flux.length - 1; i++) {
            if (flux[i] < flux[i - 1] || flux[i] < flux[i + 1]) {
                continue;
            }
            int from = Math.max(0, i - radius);
            int to = Math.min(flux.length, i + radius + 1);
            double localMean = mean(flux, from, to);
            double localMax = 0;
            for (int j = from; j < to; j++) {
                localMax = Math.max(localMax, flux[j]);
            }
            // 1.5x the local mean, and above absolute and global floors so steady tones and near-silence do not count.
            if (flux[i] == localMax && flux[i] > 1.5 * localMean && flux[i] > 0.3 * globalMean
                    && flux[i] > MIN_ONSET_FLUX) {
                count++;
                i += 2; // 70 ms refractory period
            }
        }
        return count;
    }

    private static double mean(double[] a, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return to > from ? s / (to - from) : 0;
    }

    private static Double tempo(double[] flux, double frameRate) {
        int minLag = (int) Math.floor(frameRate * 60 / 200);
        int maxLag = (int) Math.ceil(frameRate * 60 / 50);
        if (flux.length < maxLag * 4) {
            return null;
        }
        double m = mean(flux, 0, flux.length);
        double[] centred = new double[flux.length];
        double energy = 0;
        for (int i = 0; i < flux.length; i++) {
            centred[i] = flux[i] - m;
            energy += centred[i] * centred[i];
        }
        if (energy < 1e-9) {
            return null;
        }
        double[] ac = new double[maxLag + 2];
        for (int lag = minLag - 1; lag <= maxLag + 1; lag++) {
            double s = 0;
            for (int i = lag; i < centred.length; i++) {
                s += centred[i] * centred[i - lag];
            }
            ac[lag] = s / energy;
        }
        int best = -1;
        double bestScore = 0;
        for (int lag = minLag; lag <= maxLag; lag++) {
            double bpm = 60 * frameRate / lag;
            double octaves = Math.log(bpm / 120) / Math.log(2);
            double score = ac[lag] * Math.exp(-0.5 * octaves * octaves);
            if (ac[lag] >= ac[lag - 1] && ac[lag] >= ac[lag + 1] && score > bestScore) {
                best = lag;
                bestScore = score;
            }
        }
        if (best < 0 || ac[best] < 0.05) {
            return null;
        }
        double a = ac[best - 1];
        double b = ac[best];
        double c = ac[best + 1];
        double denominator = a - 2 * b + c;
        double shift = Math.abs(denominator) > 1e-12 ? 0.5 * (a - c) / denominator : 0;
        return 60 * frameRate / (best + Math.max(-0.5, Math.min(0.5, shift)));
    }

    /** Returns {key, mode (1 major, 0 minor), clarity}: correlation of the best mode minus the best other. */
    private static double[] key(double[] chroma) {
        double bestMajor = -2;
        double bestMinor = -2;
        int majorKey = -1;
        int minorKey = -1;
        for (int tonic = 0; tonic < 12; tonic++) {
            double rMajor = correlation(chroma, MAJOR_PROFILE, tonic);
            double rMinor = correlation(chroma, MINOR_PROFILE, tonic);
            if (rMajor > bestMajor) {
                bestMajor = rMajor;
                majorKey = tonic;
            }
            if (rMinor > bestMinor) {
                bestMinor = rMinor;
                minorKey = tonic;
            }
        }
        if (Double.isNaN(bestMajor) || Double.isNaN(bestMinor)) {
            return new double[] {-1, 1, 0};
        }
        return bestMajor >= bestMinor
                ? new double[] {majorKey, 1, bestMajor - bestMinor}
                : new double[] {minorKey, 0, bestMinor - bestMajor};
    }

    private static double correlation(double[] chroma, double[] profile, int tonic) {
        double mx = mean(chroma, 0, 12);
        double my = mean(profile, 0, 12);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int pc = 0; pc < 12; pc++) {
            double x = chroma[pc] - mx;
            double y = profile[Math.floorMod(pc - tonic, 12)] - my;
            sxy += x * y;
            sxx += x * x;
            syy += y * y;
        }
        return sxx > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }
}
