<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en">
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>Synkkonflikter</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Skapad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppen</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Löst</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Vad som hände</translation>
    </message>
    <message>
        <source>Choose a conflict, read both versions, and keep the one that is right.</source>
        <translation>Välj en konflikt, läs båda versionerna och behåll den som stämmer.</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>Inga konflikter.</translation>
    </message>
    <message>
        <source>Version {number}:</source>
        <translation>Version {number}:</translation>
    </message>
    <message>
        <source>Keep version {number}</source>
        <translation>Behåll version {number}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Hearing Desk</source>
        <translation>Hearing Desk</translation>
    </message>
    <message>
        <source>The Order tab is not built yet: ordering, purchase orders and goods receipt come in a later version.</source>
        <translation>Fliken Beställning är inte byggd ännu: beställning, inköpsorder och kvittering kommer i en senare version.</translation>
    </message>
    <message>
        <source>The Stock tab is not built yet: article search, stock balances and inventory come in a later version.</source>
        <translation>Fliken Lager är inte byggd ännu: artikelsök, lagersaldo och inventering kommer i en senare version.</translation>
    </message>
    <message>
        <source>The Individual tab is not built yet: searching devices by individual, serial or SIP number comes in a later version.</source>
        <translation>Fliken Individ är inte byggd ännu: sökning på individnummer, serienummer eller SIP-nummer kommer i en senare version.</translation>
    </message>
    <message>
        <source>&amp;Patient</source>
        <translation>&amp;Patient</translation>
    </message>
    <message>
        <source>&amp;Order</source>
        <translation>&amp;Beställning</translation>
    </message>
    <message>
        <source>S&amp;tock</source>
        <translation>&amp;Lager</translation>
    </message>
    <message>
        <source>&amp;Individual</source>
        <translation>&amp;Individ</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startar…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>S&amp;ync settings…</source>
        <translation>S&amp;ynkinställningar…</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Synka &amp;nu</translation>
    </message>
    <message>
        <source>&amp;Change user or service location…</source>
        <translation>&amp;Byt användare eller tjänsteställe…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Beställning</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Lager</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individ</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;About Hearing Desk</source>
        <translation>&amp;Om Hearing Desk</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Öppnar databasen…</translation>
    </message>
    <message>
        <source>First start: demo data was created.</source>
        <translation>Första start: demodata har skapats.</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Inte startad</translation>
    </message>
    <message>
        <source>Hearing Desk cannot start</source>
        <translation>Hearing Desk kan inte starta</translation>
    </message>
    <message>
        <source>There is no user with a service location in the database.</source>
        <translation>Det finns ingen användare med tjänsteställe i databasen.</translation>
    </message>
    <message>
        <source>User: {name}</source>
        <translation>Användare: {name}</translation>
    </message>
    <message>
        <source>Service location: {name}</source>
        <translation>Tjänsteställe: {name}</translation>
    </message>
    <message>
        <source>About Hearing Desk</source>
        <translation>Om Hearing Desk</translation>
    </message>
    <message>
        <source>Hearing Desk {version}: patients, orders, stock and hearing aids at the reception desk.</source>
        <translation>Hearing Desk {version}: patienter, beställningar, lager och hörhjälpmedel i receptionen.</translation>
    </message>
</context>
<context>
    <name>PatientRecordView</name>
    <message>
        <source>From the population register; it cannot be changed at the desk.</source>
        <translation>Från folkbokföringen; kan inte ändras i receptionen.</translation>
    </message>
    <message>
        <source>e.g. 070-123 45 67</source>
        <translation>t.ex. 070-123 45 67</translation>
    </message>
    <message>
        <source>&amp;Edit phone</source>
        <translation>&amp;Ändra telefon</translation>
    </message>
    <message>
        <source>Edit the phone number (Ctrl+E); Enter saves, Esc cancels.</source>
        <translation>Ändra telefonnumret (Ctrl+E); Enter sparar, Esc avbryter.</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Levererad</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Benämning</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individ</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Serienummer</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Beställning</translation>
    </message>
    <message>
        <source>Pickup order</source>
        <translation>Hämtorder</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrerad</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Beställd</translation>
    </message>
    <message>
        <source>Planned delivery</source>
        <translation>Planerat lev.datum</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Återlämnad</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Skapad</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivitet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Öppnad</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Identity:</source>
        <translation>Identitet:</translation>
    </message>
    <message>
        <source>Born:</source>
        <translation>Född:</translation>
    </message>
    <message>
        <source>Registered address:</source>
        <translation>Folkbokföringsadress:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>Home region:</source>
        <translation>Hemregion:</translation>
    </message>
    <message>
        <source>(protected identity)</source>
        <translation>(skyddad identitet)</translation>
    </message>
    <message>
        <source>{date}, {age} years</source>
        <translation>{date}, {age} år</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(saknas)</translation>
    </message>
    <message>
        <source>Aids held ({count})</source>
        <translation>Hjälpmedel ({count})</translation>
    </message>
    <message>
        <source>Ordered ({count})</source>
        <translation>Beställt ({count})</translation>
    </message>
    <message>
        <source>Returned ({count})</source>
        <translation>Återlämnat ({count})</translation>
    </message>
    <message>
        <source>Activities ({count})</source>
        <translation>Aktiviteter ({count})</translation>
    </message>
    <message>
        <source>Access log ({count})</source>
        <translation>Åtkomstlogg ({count})</translation>
    </message>
</context>
<context>
    <name>PatientTab</name>
    <message>
        <source>Identity number (YYYYMMDD-NNNN), reserve number or name — Enter opens a single hit</source>
        <translation>Personnummer (ÅÅÅÅMMDD-NNNN), reservnummer eller namn – Enter öppnar en ensam träff</translation>
    </message>
    <message>
        <source>Identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Född</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anmärkning</translation>
    </message>
    <message>
        <source>Search for a patient and press Enter to open the record.</source>
        <translation>Sök en patient och tryck Enter för att öppna.</translation>
    </message>
    <message>
        <source>Protected identity</source>
        <translation>Skyddad identitet</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Avliden</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>No patient found.</source>
        <translation>Ingen patient hittades.</translation>
    </message>
    <message>
        <source>Showing the first {count}; type more to narrow the search.</source>
        <translation>Visar de första {count}; skriv mer för att begränsa sökningen.</translation>
    </message>
    <message>
        <source>Found: {count}.</source>
        <translation>Träffar: {count}.</translation>
    </message>
    <message>
        <source>Phone number saved.</source>
        <translation>Telefonnumret sparat.</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>Start Hearing Desk</source>
        <translation>Starta Hearing Desk</translation>
    </message>
    <message>
        <source>Who is working, and for which service location?</source>
        <translation>Vem arbetar, och för vilket tjänsteställe?</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Användare:</translation>
    </message>
    <message>
        <source>&amp;Service location:</source>
        <translation>&amp;Tjänsteställe:</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starta</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <source>Sync settings</source>
        <translation>Synkinställningar</translation>
    </message>
    <message>
        <source>The administrator gives each workstation a name and a token. The token is kept in the system's key store (or a file only you can read).</source>
        <translation>Administratören ger varje arbetsstation ett namn och en nyckel (token). Nyckeln sparas i systemets nyckelring (eller i en fil som bara du kan läsa).</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>&amp;Serveradress:</translation>
    </message>
    <message>
        <source>&amp;Workstation name:</source>
        <translation>&amp;Arbetsstationens namn:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Nyckel:</translation>
    </message>
</context>
<context>
    <name>SyncStatusButton</name>
    <message>
        <source>Local only — sync is not set up</source>
        <translation>Endast lokalt – synkronisering är inte inställd</translation>
    </message>
    <message>
        <source>Everything is saved on this computer; it is not synchronised with a server. Click to set up.</source>
        <translation>Allt sparas på den här datorn; det synkroniseras inte med någon server. Klicka för att ställa in.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Ansluten</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Frånkopplad</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>{count} väntar</translation>
    </message>
    <message>
        <source>last sync {time}</source>
        <translation>senast synkad {time}</translation>
    </message>
    <message>
        <source>{count} conflict(s)</source>
        <translation>{count} konflikt(er)</translation>
    </message>
    <message>
        <source>⚠ {series} left: {count}</source>
        <translation>⚠ {series} kvar: {count}</translation>
    </message>
    <message>
        <source>Changes are kept here and sent when the server can be reached. Click to see conflicts.</source>
        <translation>Ändringar sparas här och skickas när servern går att nå. Klicka för att se konflikter.</translation>
    </message>
    <message>
        <source>This workstation is running out of numbers for new documents; connect it to the network so it can fetch more before it goes out again.</source>
        <translation>Arbetsstationen håller på att få slut på nummer till nya dokument; anslut den till nätverket så att den kan hämta fler innan den går ut igen.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>The database is busy in another program; wait a moment and try again. Nothing was lost.</source>
        <translation>Databasen används av ett annat program; vänta en stund och försök igen. Inget har gått förlorat.</translation>
    </message>
    <message>
        <source>The database file cannot be written (read-only or disk full); nothing was saved.</source>
        <translation>Databasfilen går inte att skriva till (skrivskyddad eller full disk); inget sparades.</translation>
    </message>
    <message>
        <source>The database file {path} is damaged and cannot be opened; it was left untouched. Contact IT support to restore it from the latest backup.</source>
        <translation>Databasfilen {path} är skadad och kan inte öppnas; den har lämnats orörd. Kontakta IT-supporten för att återställa den från senaste säkerhetskopian.</translation>
    </message>
    <message>
        <source>The database was written by a newer Hearing Desk (schema {found}; this program knows up to {known}). Install the newer version; the file was left untouched.</source>
        <translation>Databasen skrevs av en nyare Hearing Desk (schema {found}; det här programmet känner till {known}). Installera den nyare versionen; filen har lämnats orörd.</translation>
    </message>
    <message>
        <source>{text} does not start with a real birth date (YYYYMMDD).</source>
        <translation>{text} börjar inte med ett verkligt födelsedatum (ÅÅÅÅMMDD).</translation>
    </message>
    <message>
        <source>Type an identity number or a name.</source>
        <translation>Skriv ett personnummer eller ett namn.</translation>
    </message>
    <message>
        <source>{text} is not an identity number: use 12 digits (YYYYMMDD-NNNN) or a reserve number (YYYYMMDD-ABCD).</source>
        <translation>{text} är inget personnummer: använd 12 siffror (ÅÅÅÅMMDD-NNNN) eller ett reservnummer (ÅÅÅÅMMDD-ABCD).</translation>
    </message>
    <message>
        <source>{text} has a birth date in the future.</source>
        <translation>{text} har ett födelsedatum i framtiden.</translation>
    </message>
    <message>
        <source>The check digit of {text} is wrong: the last digit should be {expected}. Check the number with the patient.</source>
        <translation>Kontrollsiffran i {text} är fel: sista siffran ska vara {expected}. Kontrollera numret med patienten.</translation>
    </message>
    <message>
        <source>{text} is not a valid identity number.</source>
        <translation>{text} är inget giltigt personnummer.</translation>
    </message>
    <message>
        <source>This workstation has no {series} numbers left for week {week}. Connect it to the network so it can fetch more; nothing was saved.</source>
        <translation>Den här arbetsstationen har inga {series}-nummer kvar för vecka {week}. Anslut den till nätverket så att den kan hämta fler; inget sparades.</translation>
    </message>
    <message>
        <source>The user {username} does not exist or is inactive.</source>
        <translation>Användaren {username} finns inte eller är inaktiv.</translation>
    </message>
    <message>
        <source>{user} does not work for the service location {code}.</source>
        <translation>{user} arbetar inte för tjänstestället {code}.</translation>
    </message>
    <message>
        <source>Deceased on {date}. The {count} aid(s) under Aids held must be returned; no new orders.</source>
        <translation>Avliden {date}. De {count} hjälpmedel som står under Hjälpmedel ska återlämnas; inga nya beställningar.</translation>
    </message>
    <message>
        <source>The patient is inactive: no new orders or activities. Contact the aid centre.</source>
        <translation>Patienten är inaktiv: inga nya beställningar eller aktiviteter. Kontakta Hjälpmedelscentralen.</translation>
    </message>
    <message>
        <source>Protected identity: the name is fictive and the address is the tax agency's forwarding address. Deliver everything to the prescribing unit.</source>
        <translation>Skyddad identitet: namnet är fingerat och adressen är Skatteverkets förmedlingsadress. Allt levereras till förskrivande enhet.</translation>
    </message>
    <message>
        <source>The phone number is missing: ask the patient and add it.</source>
        <translation>Telefonnummer saknas: fråga patienten och lägg till det.</translation>
    </message>
    <message>
        <source>This reserve number was replaced by {number}; the aids were moved there.</source>
        <translation>Reservnumret har ersatts av {number}; hjälpmedlen har flyttats dit.</translation>
    </message>
    <message>
        <source>Registered in {region}: hearing aids need the home region's payment commitment, and none is stored. Aids under 10 000 SEK without advanced fitting need none.</source>
        <translation>Folkbokförd i {region}: hörapparater kräver hemregionens betalningsförbindelse, och ingen finns sparad. Hjälpmedel under 10 000 kr utan avancerad utprovning kräver ingen.</translation>
    </message>
    <message>
        <source>Registered in {region}: payment commitment {reference} received {date}.</source>
        <translation>Folkbokförd i {region}: betalningsförbindelse {reference} mottagen {date}.</translation>
    </message>
    <message>
        <source>Reserve number, under 18: the same rights to aids as residents. No patient fee up to 20 years.</source>
        <translation>Reservnummer, under 18 år: samma rätt till hjälpmedel som folkbokförda. Ingen patientavgift upp till 20 år.</translation>
    </message>
    <message>
        <source>Reserve number, 18 or over: only needs that cannot wait; the prescriber decides and records the reason.</source>
        <translation>Reservnummer, 18 år eller äldre: endast behov som inte kan anstå; förskrivaren bedömer och dokumenterar skälet.</translation>
    </message>
    <message>
        <source>No valid LMA card is recorded: check the patient's LMA card.</source>
        <translation>Inget giltigt LMA-kort är registrerat: kontrollera patientens LMA-kort.</translation>
    </message>
    <message>
        <source>LMA card valid until {date}.</source>
        <translation>LMA-kort giltigt till {date}.</translation>
    </message>
    <message>
        <source>From {country}: certificates on file: {kinds}.</source>
        <translation>Från {country}: intyg registrerade: {kinds}.</translation>
    </message>
    <message>
        <source>From {country}: record the required certificates before any aid is handed out.</source>
        <translation>Från {country}: registrera de intyg som krävs innan något hjälpmedel lämnas ut.</translation>
    </message>
    <message>
        <source>The patient was not found; search again.</source>
        <translation>Patienten hittades inte; sök igen.</translation>
    </message>
    <message>
        <source>The phone number is required (R2): type the patient's number.</source>
        <translation>Telefonnummer måste anges (R2): skriv patientens nummer.</translation>
    </message>
    <message>
        <source>{text} is not a phone number: use digits, e.g. 070-123 45 67.</source>
        <translation>{text} är inget telefonnummer: använd siffror, t.ex. 070-123 45 67.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was saved. The details are in the log file.</source>
        <translation>Något oväntat gick fel; inget sparades. Detaljerna finns i loggfilen.</translation>
    </message>
    <message>
        <source>The central server did not take any of this workstation's changes; they wait here and the sync will be tried again.</source>
        <translation>Den centrala servern tog inte emot några av arbetsstationens ändringar; de väntar här och synkroniseringen försöks igen.</translation>
    </message>
    <message>
        <source>Changes from the central server do not fit this workstation's data; nothing was applied. Contact IT support if this message stays.</source>
        <translation>Ändringar från den centrala servern passar inte arbetsstationens data; inget tillämpades. Kontakta IT-supporten om meddelandet ligger kvar.</translation>
    </message>
    <message>
        <source>The central server sent changes out of order; nothing was applied and the sync will be tried again.</source>
        <translation>Den centrala servern skickade ändringar i fel ordning; inget tillämpades och synkroniseringen försöks igen.</translation>
    </message>
    <message>
        <source>{url} is not a server address; type it like https://sync.example.org:8443.</source>
        <translation>{url} är ingen serveradress; skriv den som https://sync.example.org:8443.</translation>
    </message>
    <message>
        <source>{url} is not encrypted: plain http is only allowed to this computer itself, so use an https address for the central server.</source>
        <translation>{url} är inte krypterad: okrypterad http tillåts bara till den här datorn själv, så använd en https-adress till den centrala servern.</translation>
    </message>
    <message>
        <source>The workstation token is empty; paste it again.</source>
        <translation>Arbetsstationens nyckel är tom; klistra in den igen.</translation>
    </message>
    <message>
        <source>Type this workstation's name as the administrator gave it.</source>
        <translation>Skriv arbetsstationens namn så som administratören angav det.</translation>
    </message>
    <message>
        <source>The central server cannot be reached; working offline. Changes wait here and nothing is lost.</source>
        <translation>Den centrala servern kan inte nås; arbetar frånkopplat. Ändringarna väntar här och inget går förlorat.</translation>
    </message>
    <message>
        <source>This workstation's token is not accepted by the central server; ask an administrator for a new one and enter it in the sync settings. Changes wait here and nothing is lost.</source>
        <translation>Den centrala servern godtar inte arbetsstationens nyckel; be en administratör om en ny och ange den i synkroniseringsinställningarna. Ändringarna väntar här och inget går förlorat.</translation>
    </message>
    <message>
        <source>The central server sent an answer this program cannot read (is the address right?); nothing was lost and the sync will be tried again.</source>
        <translation>Den centrala servern skickade ett svar som programmet inte kan läsa (stämmer adressen?); inget gick förlorat och synkroniseringen försöks igen.</translation>
    </message>
    <message>
        <source>The central server had a problem ({status}); nothing was lost and the sync will be tried again.</source>
        <translation>Den centrala servern fick ett problem ({status}); inget gick förlorat och synkroniseringen försöks igen.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Personal identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Coordination number</source>
        <translation>Samordningsnummer</translation>
    </message>
    <message>
        <source>Reserve number</source>
        <translation>Reservnummer</translation>
    </message>
    <message>
        <source>Registered in the region</source>
        <translation>Folkbokförd i regionen</translation>
    </message>
    <message>
        <source>Registered in another region</source>
        <translation>Folkbokförd i annan region</translation>
    </message>
    <message>
        <source>Asylum seeker</source>
        <translation>Asylsökande</translation>
    </message>
    <message>
        <source>Undocumented</source>
        <translation>Papperslös</translation>
    </message>
    <message>
        <source>From abroad</source>
        <translation>Från utlandet</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>Förskrivare</translation>
    </message>
    <message>
        <source>Orderer</source>
        <translation>Beställare</translation>
    </message>
    <message>
        <source>Stock administrator</source>
        <translation>Lageradministratör</translation>
    </message>
    <message>
        <source>Warranty repair</source>
        <translation>Garantireparation</translation>
    </message>
    <message>
        <source>Installation</source>
        <translation>Installation</translation>
    </message>
    <message>
        <source>Warranty on installation</source>
        <translation>Garanti på installation</translation>
    </message>
    <message>
        <source>Dismantling</source>
        <translation>Nedmontering</translation>
    </message>
    <message>
        <source>Repair of installed aid</source>
        <translation>Reparation av installerat hjälpmedel</translation>
    </message>
    <message>
        <source>Outside-assortment application</source>
        <translation>Ansökan utanför sortiment</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Tilldelad</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planerad</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Påbörjad</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <source>Order numbers</source>
        <translation>Beställningsnummer</translation>
    </message>
    <message>
        <source>Purchase order numbers</source>
        <translation>Inköpsordernummer</translation>
    </message>
    <message>
        <source>Activity numbers</source>
        <translation>Aktivitetsnummer</translation>
    </message>
    <message>
        <source>Pickup order numbers</source>
        <translation>Hämtordernummer</translation>
    </message>
    <message>
        <source>Return numbers</source>
        <translation>Returnummer</translation>
    </message>
</context>
</TS>