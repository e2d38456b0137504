namespace Heliodesk.Hosting;

/// <summary>Instance-wide settings, bound from the "Heliodesk" configuration section.</summary>
public sealed class HeliodeskOptions
{
    public const string Section = "Heliodesk";

    /// <summary>Where the SQLite database and uploaded files live.</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary>Create the "Demo" workspace with sample data on first start.</summary>
    public bool Demo { get; set; } = true;

    /// <summary>At first start, create an instance-administrator API token with this value.</summary>
    public string? BootstrapToken { get; set; }

    /// <summary>Largest single attachment accepted, in bytes.</summary>
    public long MaxAttachmentBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>SQLite durability: Full survives power loss on every commit; Normal (WAL) survives process crashes.</summary>
    public string SqliteSynchronous { get; set; } = "Full";

    /// <summary>How long a stored Idempotency-Key answer is replayed before it is forgotten.</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The address people reach this instance at (e.g. https://support.example.com), used in links that are
    /// mailed. Unset, the request's own address is used: fine locally, unsafe behind a proxy that passes any Host.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// How long an API token's lookup is reused. A change on this node (revoked token, deactivated agent, new
    /// role) takes effect at once; on another node of the same database, within this time. Zero turns it off.
    /// </summary>
    public TimeSpan ApiTokenCacheLifetime { get; set; } = TimeSpan.FromSeconds(10);

    public string DataPath(params string[] parts) => Path.Combine([Path.GetFullPath(DataDir), .. parts]);
}
