using System.Text;
using Heliodesk.Features.Channels.Email;
using MimeKit;

namespace Heliodesk.Tests.Unit;

/// <summary>Reading mail without a server: charsets, quoted history, machine senders.</summary>
public sealed class MailReadingTests
{
    static MailReadingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("iso-8859-2", "Žluťoučký kůň úpěl ďábelské ódy")]
    [InlineData("iso-8859-15", "Le cœur déçu mais l'âme plutôt naïve, 15 €")]
    [InlineData("windows-1251", "Съешь же ещё этих мягких французских булок")]
    [InlineData("windows-1252", "Über naïve café “quotes” – 10 €")]
    [InlineData("gb2312", "我的发票无法导出")]
    [InlineData("gbk", "我的發票無法導出")]
    [InlineData("big5", "我的發票無法匯出")]
    [InlineData("shift_jis", "請求書をエクスポートできません")]
    [InlineData("iso-2022-jp", "請求書をエクスポートできません")]
    [InlineData("euc-kr", "송장을 내보낼 수 없습니다")]
    [InlineData("koi8-r", "Не могу выгрузить счёт")]
    public void A_body_and_subject_in_a_legacy_charset_decode_to_the_same_text(string charset, string text)
    {
        var encoding = Encoding.GetEncoding(charset);
        var raw = $"From: a@customer.test\r\nTo: s@helio.test\r\nSubject: =?{charset}?B?{Convert.ToBase64String(encoding.GetBytes(text))}?=\r\n"
            + $"MIME-Version: 1.0\r\nContent-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: base64\r\n\r\n{Convert.ToBase64String(encoding.GetBytes(text))}\r\n";
        var message = MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(raw)));
        Assert.Equal((text, text), (message.Subject, message.TextBody?.Trim()));
    }

    [Fact]
    public void A_plain_reply_keeps_what_is_new_and_folds_the_quote_and_signature()
    {
        var (fresh, quoted) = ReplyText.SplitText("Works now, thanks!\n\nOn Mon, 2 Nov 2026 at 09:05, Rita <help@acme.example>\nwrote:\n> Try again.\n");
        Assert.Equal("Works now, thanks!", fresh);
        Assert.StartsWith("On Mon", quoted, StringComparison.Ordinal);
        Assert.Equal(("See you", "-- \nAna"), ReplyText.SplitText("See you\n-- \nAna"));
        Assert.Equal(("Gracias", "El lun, 2 nov 2026, Rita escribió:\n> Hola"), ReplyText.SplitText("Gracias\nEl lun, 2 nov 2026, Rita escribió:\n> Hola"));
        Assert.Equal(("> quoted first", ""), ReplyText.SplitText("> quoted first"));
    }

    [Fact]
    public void An_html_reply_loses_gmail_and_outlook_quotes_into_the_fold()
    {
        var (fresh, quoted) = ReplyText.SplitHtml("<div>Fixed!</div><div class=\"gmail_quote\"><blockquote>old</blockquote></div>");
        Assert.Equal(("<div>Fixed!</div>", true), (fresh, quoted.Contains("old", StringComparison.Ordinal)));
        var (outlookFresh, outlookQuoted) = ReplyText.SplitHtml("<p>Yes</p><div id=\"divRplyFwdMsg\">From: Rita</div><div>earlier mail</div>");
        Assert.Equal("<p>Yes</p>", outlookFresh);
        Assert.Contains("earlier mail", outlookQuoted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied", InboundKind.AutoReply)]
    [InlineData("Auto-Submitted: no", InboundKind.Personal)]
    [InlineData("X-Autorespond: yes", InboundKind.AutoReply)]
    [InlineData("Precedence: junk", InboundKind.Bulk)]
    [InlineData("List-Id: <news.acme.example>", InboundKind.Bulk)]
    [InlineData("X-Failed-Recipients: ana@customer.test", InboundKind.Bounce)]
    [InlineData("X-Mailer: Thunderbird", InboundKind.Personal)]
    public void Machines_are_told_apart_from_people(string header, InboundKind expected)
    {
        var message = MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes($"From: a@customer.test\r\n{header}\r\nSubject: Hi\r\n\r\nHello\r\n")));
        Assert.Equal(expected, MailClassifier.Classify(message));
    }
}
