using Heliodesk.Data;
using Heliodesk.Features.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Channels.Email;

/// <summary>
/// Mail captured in the dev mailbox (a workspace without SMTP) never left; after
/// <see cref="EmailOptions.DevMailboxRetention"/> it is removed with its full MIME. Mail actually sent
/// stays: its Message-ID threads customers' answers and bounces.
/// </summary>
public sealed class DevMailboxSweep(IOptions<EmailOptions> options) : IRetentionSweep
{
    public string Name => "dev-mailbox";

    public Task<int> SweepAsync(HeliodeskDb db, DateTimeOffset now, CancellationToken ct)
    {
        var cutoff = now - options.Value.DevMailboxRetention;
        return db.Set<OutboundEmail>().IgnoreQueryFilters().Where(e => e.Status == OutboundStatus.Captured && e.SentAt < cutoff).ExecuteDeleteAsync(ct);
    }
}
