namespace ReputationEngine.Analytics.Detection;

/// <summary>Plain-data snapshot of a <see cref="SeasonalBaseline"/> (oldest recent bucket first).
/// <see cref="RecentExpected"/> (what was expected of each recent bucket when it closed) and the accumulated excess (<see cref="Cusum"/>, the buckets and summed observed and expected
/// of its run) are absent in older snapshots, and so are the <see cref="PredictionErrors"/> of the long scale window (oldest first; an older
/// snapshot seeds them with its recent buckets' errors), and so is the anomaly likelihood's state (<see cref="RecentZ"/>, the recent capped z-scores,
/// oldest first; the count, average and variance of their mean; the last <see cref="LikelihoodZ"/>): older state starts it afresh.</summary>
public sealed record SeasonalBaselineState(
    double[] RecentValues,
    long[] RecentTicks,
    double[] DayMeans,
    long[] DayVisits,
    double[] WeekMeans,
    long[] WeekVisits,
    long FirstTicks,
    long LastTicks,
    long Buckets,
    double[] HourlyPeaks,
    long PeakHour,
    double PeakHourMax,
    double[]? RecentExpected = null,
    double Cusum = 0,
    int CusumBuckets = 0,
    double CusumObserved = 0,
    double CusumExpected = 0,
    float[]? PredictionErrors = null,
    float[]? RecentZ = null,
    long ZMeans = 0,
    double ZMeanAverage = 0,
    double ZMeanVariance = 0,
    double LikelihoodZ = 0);
