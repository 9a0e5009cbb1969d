package pg

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"

	"bcpeditor/app"

	"github.com/jackc/pgx/v5/pgconn"
)

// ErrNoSchema is returned when the connection has no schema to work in.
var ErrNoSchema = errors.New("geen schema om in te werken")

// Explain turns an error from opening a team library into one Dutch
// sentence that says what is wrong and what to do. Errors are told apart
// by their SQLSTATE code and type, never by the driver's text.
func Explain(where string, err error) string {
	lib := "De teambibliotheek " + where
	if s, ok := explainLibrary(where, err); ok {
		return s
	}
	if s, ok := explainServer(where, err); ok {
		return s
	}
	if s, ok := explainTLS(where, err); ok {
		return s
	}
	if isUnreachable(err) {
		return lib + " is niet bereikbaar: de server antwoordt niet. Controleer de netwerkverbinding en het adres, of werk offline verder met een eigen bibliotheek."
	}
	if c := code(err); c != "" {
		return lib + " kan niet worden geopend (PostgreSQL-foutcode " + c + "). Er is niets gewijzigd; vraag de beheerder van de database om hulp."
	}
	return lib + " kan niet worden geopend. Er is niets gewijzigd; probeer het opnieuw of vraag de beheerder van de database om hulp."
}

// explainLibrary: what the program found in the database.
func explainLibrary(where string, err error) (string, bool) {
	lib := "De teambibliotheek " + where
	var pe *pgconn.ParseConfigError
	switch {
	case errors.As(err, &pe):
		return "Het adres van de teambibliotheek klopt niet. Schrijf het als postgres://gebruiker@server:5432/database?sslmode=verify-full (zonder wachtwoord: dat staat in ~/.pgpass).", true
	case errors.Is(err, ErrNoSchema):
		return lib + " heeft geen schema om in te werken: het schema uit het adres (search_path) bestaat niet, of uw databaserol mag het niet gebruiken. Er is niets gewijzigd.", true
	case errors.Is(err, app.ErrNotALibrary):
		return lib + " is geen BCP-bibliotheek: er staan al andere tabellen in. Er is niets gewijzigd; kies een lege database (of een eigen schema) voor de teambibliotheek.", true
	case errors.Is(err, app.ErrLibraryNewer):
		return lib + " is bijgewerkt door een nieuwere versie van de BCP Editor. Werk het programma bij; er is niets gewijzigd.", true
	case errors.Is(err, ErrNeedsUpgrade):
		return lib + " moet worden bijgewerkt voor deze versie van de BCP Editor, maar uw databaserol mag dat niet. Vraag de beheerder het programma eenmaal te openen als eigenaar van de database; er is niets gewijzigd.", true
	}
	return "", false
}

// explainServer: what the server said, by SQLSTATE.
func explainServer(where string, err error) (string, bool) {
	lib := "De teambibliotheek " + where
	switch code(err) {
	case "28P01":
		return "Het wachtwoord voor de teambibliotheek " + where + " is onjuist of ontbreekt. Zet het in ~/.pgpass (of in PGPASSWORD); de BCP Editor bewaart geen wachtwoorden.", true
	case "28000":
		return "De server laat u niet toe tot de teambibliotheek " + where + " (geen toegang voor uw databaserol vanaf deze computer). Vraag de beheerder om toegang.", true
	case "3D000":
		return lib + " bestaat niet: de database uit het adres is er niet. Controleer de naam, of vraag de beheerder hem aan te maken.", true
	case "42501":
		return "Uw databaserol mag de teambibliotheek " + where + " niet lezen of inrichten. Vraag de beheerder om rechten (zie 'Een teambibliotheek' in de README); er is niets gewijzigd.", true
	case "53300":
		return lib + " kan nu niet worden geopend: de server heeft geen verbindingen meer vrij. Probeer het straks opnieuw.", true
	case "57P03", "57P01", "57P02":
		return lib + " is even niet beschikbaar: de server start op of sluit af. Probeer het zo opnieuw.", true
	}
	return "", false
}

// explainTLS: the encrypted connection failed.
func explainTLS(where string, err error) (string, bool) {
	lib := "De teambibliotheek " + where
	var unknown x509.UnknownAuthorityError
	var host x509.HostnameError
	var invalid x509.CertificateInvalidError
	var verify *tls.CertificateVerificationError
	var header tls.RecordHeaderError
	var alert tls.AlertError
	switch {
	case errors.As(err, &unknown), errors.As(err, &verify):
		return "De versleutelde verbinding met de teambibliotheek " + where + " is geweigerd: het certificaat van de server wordt niet vertrouwd. Zet het certificaat van de uitgever in sslrootcert (sslmode=verify-full); er is niets gewijzigd.", true
	case errors.As(err, &host):
		return "De versleutelde verbinding met de teambibliotheek " + where + " is geweigerd: het certificaat van de server hoort niet bij de servernaam in het adres. Gebruik de naam die in het certificaat staat; er is niets gewijzigd.", true
	case errors.As(err, &invalid):
		return "De versleutelde verbinding met de teambibliotheek " + where + " is geweigerd: het certificaat van de server is verlopen of ongeldig. Vraag de beheerder het te vernieuwen; er is niets gewijzigd.", true
	case errors.As(err, &header), errors.As(err, &alert), tlsRefused(err):
		return lib + " biedt geen versleutelde verbinding (TLS) aan zoals het adres eist (sslmode). Vraag de beheerder TLS aan te zetten, of controleer sslmode in het adres; er is niets gewijzigd.", true
	}
	return "", false
}

// tlsRefused: the connection demanded TLS and failed for a reason that is
// neither the network, the server's answer, nor a certificate: the server
// said it does not speak TLS.
func tlsRefused(err error) bool {
	var ce *pgconn.ConnectError
	if !errors.As(err, &ce) || ce.Config == nil || ce.Config.TLSConfig == nil {
		return false
	}
	var ne net.Error
	var pe *pgconn.PgError
	return !errors.As(err, &ne) && !errors.As(err, &pe) && !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, context.Canceled)
}

// isUnreachable: no server answered (refused, timed out, unknown host).
func isUnreachable(err error) bool {
	var ne net.Error
	var dns *net.DNSError
	var op *net.OpError
	return errors.As(err, &ne) || errors.As(err, &dns) || errors.As(err, &op) ||
		errors.Is(err, context.DeadlineExceeded) || pgconn.Timeout(err)
}
