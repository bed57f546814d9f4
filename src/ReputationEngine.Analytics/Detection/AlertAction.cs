namespace ReputationEngine.Analytics.Detection;

/// <summary>What a signal does to the topic's alert of that kind.</summary>
public enum AlertAction : byte
{
    /// <summary>No alert of this kind was open; open one.</summary>
    Open = 0,

    /// <summary>The open alert continues; refresh its figures and evidence (severity may rise).</summary>
    Update = 1,

    /// <summary>The signal stayed normal for the resolve delay; resolve the open alert.</summary>
    Resolve = 2,
}
