using System.Globalization;
using System.Text;

namespace Heliodesk.Tests.Infrastructure;

/// <summary>Postfix and Dovecot configuration for <see cref="MailServer"/>, all inside one directory.</summary>
internal static class MailServerConfig
{
    private const int MailUid = 65534; // nobody: Postfix's virtual agent needs a uid >= 100, Dovecot reads as the same one

    public static void Write(string root, int smtpPort, int imapPort, int poolSize)
    {
        var postfix = Path.Combine(root, "postfix");
        foreach (var dir in new[] { postfix, Path.Combine(root, "queue"), Path.Combine(root, "data"), Path.Combine(root, "dovecot", "run"), Path.Combine(root, "dovecot", "state") })
        {
            Directory.CreateDirectory(dir);
        }
        foreach (var domain in new[] { MailServer.SupportDomain, MailServer.CustomerDomain })
        {
            Directory.CreateDirectory(Path.Combine(root, "mail", domain));
        }
        Chown("postfix", Path.Combine(root, "data"));
        Chown($"{MailUid}:{MailUid}", Path.Combine(root, "mail"), recursive: true);

        File.WriteAllText(Path.Combine(postfix, "main.cf"), $"""
            compatibility_level = 3.6
            queue_directory = {root}/queue
            data_directory = {root}/data
            mail_owner = postfix
            setgid_group = postdrop
            myhostname = mail.{MailServer.SupportDomain}
            mydomain = {MailServer.SupportDomain}
            myorigin = {MailServer.SupportDomain}
            mydestination =
            inet_interfaces = 127.0.0.1
            inet_protocols = ipv4
            mynetworks = 127.0.0.0/8
            smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
            smtpd_peername_lookup = no
            alias_maps =
            alias_database =
            local_recipient_maps =
            recipient_delimiter = +
            virtual_mailbox_domains = {MailServer.SupportDomain}, {MailServer.CustomerDomain}
            virtual_mailbox_base = {root}/mail
            virtual_mailbox_maps = texthash:{postfix}/vmailbox
            virtual_alias_domains =
            virtual_alias_maps = regexp:{postfix}/catchall
            virtual_uid_maps = static:{MailUid}
            virtual_gid_maps = static:{MailUid}
            maillog_file = {root}/maillog
            maillog_file_prefixes = {root}
            smtputf8_enable = no
            biff = no
            """);
        // virtual(8) refuses $1 substitutions from regexp maps, so the pool's addresses are listed one by one.
        var mailboxes = new StringBuilder($"sink@{MailServer.SupportDomain} {MailServer.SupportDomain}/sink/\n");
        foreach (var (domain, local) in new[] { (MailServer.SupportDomain, "support"), (MailServer.CustomerDomain, "customer") })
        {
            for (var i = 1; i <= poolSize; i++)
            {
                mailboxes.Append(CultureInfo.InvariantCulture, $"{local}-{i}@{domain} {domain}/{local}-{i}/\n");
            }
        }
        File.WriteAllText(Path.Combine(postfix, "vmailbox"), mailboxes.ToString());
        File.WriteAllText(Path.Combine(postfix, "catchall"), $"""
            if !/@(helio|customer)\.test$/
            /.*/ sink@{MailServer.SupportDomain}
            endif

            """);
        File.WriteAllText(Path.Combine(postfix, "master.cf"), string.Join('\n',
            $"127.0.0.1:{smtpPort} inet n - n - - smtpd",
            "pickup unix n - n 60 1 pickup", "cleanup unix n - n - 0 cleanup", "qmgr unix n - n 300 1 qmgr",
            "rewrite unix - - n - - trivial-rewrite", "bounce unix - - n - 0 bounce", "defer unix - - n - 0 bounce",
            "trace unix - - n - 0 bounce", "verify unix - - n - 1 verify", "flush unix n - n 1000? 0 flush",
            "proxymap unix - - n - - proxymap", "smtp unix - - n - - smtp", "relay unix - - n - - smtp",
            "showq unix n - n - - showq", "error unix - - n - - error", "retry unix - - n - - error",
            "discard unix - - n - - discard", "virtual unix - n n - - virtual", "anvil unix - - n - 1 anvil",
            "scache unix - - n - 1 scache", "postlog unix-dgram n - n - 1 postlogd", ""));
        // Postfix waits ~2 s for a configuration file written this very second; date them back.
        foreach (var file in Directory.GetFiles(postfix))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-1));
        }

        File.WriteAllText(Path.Combine(root, "dovecot", "dovecot.conf"), $$"""
            base_dir = {{root}}/dovecot/run
            state_dir = {{root}}/dovecot/state
            instance_name = heliodesk-test-{{Guid.NewGuid():N}}
            log_path = {{root}}/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login xoauth2
            mail_location = maildir:{{root}}/mail/%d/%n
            passdb {
              driver = static
              args = password={{MailServer.Password}}
            }
            userdb {
              driver = static
              args = uid={{MailUid}} gid={{MailUid}} home={{root}}/mail/%d/%n
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{imapPort}}
              }
              inet_listener imaps {
                port = 0
              }
            }

            """);
    }

    private static void Chown(string owner, string path, bool recursive = false)
    {
        using var process = System.Diagnostics.Process.Start("chown", recursive ? ["-R", owner, path] : [owner, path]);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown {owner} {path} failed.");
        }
    }
}
