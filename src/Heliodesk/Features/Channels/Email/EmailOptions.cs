namespace Heliodesk.Features.Channels.Email;

public sealed class EmailOptions
{
    public const string Section = "Heliodesk:Email";

    /// <summary>Fetch mailboxes on this node (tests drive fetching by hand).</summary>
    public bool RunFetcher { get; set; } = true;

    /// <summary>How often mailboxes are polled when the server has no IDLE, and how often IDLE is renewed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a node owns a mailbox it reads; another node takes over after a crash.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The sender of mail from a workspace that has no mailbox (sign-in links and the like).</summary>
    public string DefaultFrom { get; set; } = "no-reply@heliodesk.invalid";

    /// <summary>New tickets one sender may open per mailbox and hour; later mail joins their latest ticket, without acknowledgements.</summary>
    public int NewTicketsPerSenderPerHour { get; set; } = 10;

    /// <summary>How long mail captured in the dev mailbox (no SMTP) is kept before the retention sweep removes it.</summary>
    public TimeSpan DevMailboxRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Largest message fetched; a larger one is kept as a flagged ticket with its headers only.</summary>
    public long MaxMessageBytes { get; set; } = 50L * 1024 * 1024;
}
