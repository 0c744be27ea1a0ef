<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en">
<context>
    <name>ActivityDetailDialog</name>
    <message>
        <source>Activity</source>
        <translation>Aktivitet</translation>
    </message>
    <message>
        <source>Protective clothing required: the patient has a known infection.</source>
        <translation>Skyddsklädsel krävs: patienten har en känd smitta.</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individ</translation>
    </message>
    <message>
        <source>Replaced number</source>
        <translation>Ersatt nummer</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Serienummer</translation>
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
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Set s&amp;tatus</source>
        <translation>Ändra s&amp;tatus</translation>
    </message>
    <message>
        <source>A comment printed on the sheet (optional)</source>
        <translation>En kommentar som skrivs ut på bladet (frivillig)</translation>
    </message>
    <message>
        <source>&amp;Print activity sheet…</source>
        <translation>Skriv &amp;ut aktivitetsblad…</translation>
    </message>
    <message>
        <source>The action the supplier or technician took</source>
        <translation>Den åtgärd leverantören eller teknikern utförde</translation>
    </message>
    <message>
        <source>&amp;Not warranty (the supplier found it was not a warranty matter)</source>
        <translation>&amp;Ej garanti (leverantören fann att det inte var en garantiåtgärd)</translation>
    </message>
    <message>
        <source>&amp;Close activity</source>
        <translation>&amp;Avsluta aktiviteten</translation>
    </message>
    <message>
        <source>The supplier sent a new device: select its row above and type the new number.</source>
        <translation>Leverantören skickade ett nytt hjälpmedel: markera dess rad ovan och skriv det nya numret.</translation>
    </message>
    <message>
        <source>New individual number</source>
        <translation>Nytt individnummer</translation>
    </message>
    <message>
        <source>This is the individual that gets the new number</source>
        <translation>Det här är individen som ska få det nya numret</translation>
    </message>
    <message>
        <source>Change &amp;number</source>
        <translation>Byt &amp;nummer</translation>
    </message>
    <message>
        <source>Close window</source>
        <translation>Stäng fönstret</translation>
    </message>
    <message>
        <source>Patient:</source>
        <translation>Patient:</translation>
    </message>
    <message>
        <source>Registered:</source>
        <translation>Registrerad:</translation>
    </message>
    <message>
        <source>Orderer:</source>
        <translation>Beställare:</translation>
    </message>
    <message>
        <source>Service product:</source>
        <translation>Tjänsteprodukt:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adress:</translation>
    </message>
    <message>
        <source>Wanted action:</source>
        <translation>Önskad åtgärd:</translation>
    </message>
    <message>
        <source>Fault description:</source>
        <translation>Felbeskrivning:</translation>
    </message>
    <message>
        <source>Action taken:</source>
        <translation>Utförd åtgärd:</translation>
    </message>
    <message>
        <source>Aids:</source>
        <translation>Hjälpmedel:</translation>
    </message>
    <message>
        <source>Activity sheet for the supplier</source>
        <translation>Aktivitetsblad till leverantören</translation>
    </message>
    <message>
        <source>Close the activity</source>
        <translation>Avsluta aktiviteten</translation>
    </message>
    <message>
        <source>New device from the supplier</source>
        <translation>Nytt hjälpmedel från leverantören</translation>
    </message>
    <message>
        <source>Activity {number}</source>
        <translation>Aktivitet {number}</translation>
    </message>
    <message>
        <source>Activity {number} — {kind} — {status}</source>
        <translation>Aktivitet {number} — {kind} — {status}</translation>
    </message>
    <message>
        <source>{date} for {unit}</source>
        <translation>{date} för {unit}</translation>
    </message>
    <message>
        <source>{product}, supplier {supplier}</source>
        <translation>{product}, leverantör {supplier}</translation>
    </message>
    <message>
        <source>None (an application names the product)</source>
        <translation>Ingen (ansökan beskriver produkten)</translation>
    </message>
    <message>
        <source>Not warranty</source>
        <translation>Ej garanti</translation>
    </message>
    <message>
        <source>{action} (closed {date})</source>
        <translation>{action} (avslutad {date})</translation>
    </message>
    <message>
        <source>Anything to add (optional)</source>
        <translation>Något att tillägga (frivilligt)</translation>
    </message>
    <message>
        <source>Activity {number} closed.</source>
        <translation>Aktivitet {number} är avslutad.</translation>
    </message>
    <message>
        <source>Activity {number} is now: {status}.</source>
        <translation>Aktivitet {number} har nu status: {status}.</translation>
    </message>
    <message>
        <source>Select the aid that gets the new number.</source>
        <translation>Markera hjälpmedlet som ska få det nya numret.</translation>
    </message>
    <message>
        <source>Individual {old} now has the number {new}.</source>
        <translation>Individ {old} har nu numret {new}.</translation>
    </message>
    <message>
        <source>Activity sheet saved as {name}.</source>
        <translation>Aktivitetsbladet sparades som {name}.</translation>
    </message>
    <message>
        <source>Activity sheet</source>
        <translation>Aktivitetsblad</translation>
    </message>
</context>
<context>
    <name>ActivitySearchDialog</name>
    <message>
        <source>Search activities</source>
        <translation>Sök aktiviteter</translation>
    </message>
    <message>
        <source>the activity number field</source>
        <translation>fältet för aktivitetsnummer</translation>
    </message>
    <message>
        <source>All service locations</source>
        <translation>Alla tjänsteställen</translation>
    </message>
    <message>
        <source>Activity number (8 digits) — Enter</source>
        <translation>Aktivitetsnummer (8 siffror) — Enter</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Sök</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrerad</translation>
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
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Aids</source>
        <translation>Hjälpmedel</translation>
    </message>
    <message>
        <source>Orderer</source>
        <translation>Beställare</translation>
    </message>
    <message>
        <source>Service location</source>
        <translation>Tjänsteställe</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öppna</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Nummer:</translation>
    </message>
    <message>
        <source>Service &amp;location:</source>
        <translation>T&amp;jänsteställe:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Från:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Till:</translation>
    </message>
    <message>
        <source>Type the whole activity number: 8 digits (year, week, running number).</source>
        <translation>Skriv hela aktivitetsnumret: 8 siffror (år, vecka, löpnummer).</translation>
    </message>
    <message>
        <source>Activities found: {count}.</source>
        <translation>Hittade aktiviteter: {count}.</translation>
    </message>
    <message>
        <source>No activity found.</source>
        <translation>Ingen aktivitet hittades.</translation>
    </message>
</context>
<context>
    <name>ActivityWizard</name>
    <message>
        <source>New activity</source>
        <translation>Ny aktivitet</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Nästa &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Tillbaka</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>AddressPage</name>
    <message>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <source>The &amp;unit&apos;s address</source>
        <translation>&amp;Enhetens adress</translation>
    </message>
    <message>
        <source>The &amp;patient&apos;s address</source>
        <translation>&amp;Patientens adress</translation>
    </message>
    <message>
        <source>&amp;Another address</source>
        <translation>&amp;Annan adress</translation>
    </message>
    <message>
        <source>Protected identity: everything goes through the unit; the patient&apos;s address is not used.</source>
        <translation>Skyddad identitet: allt går via enheten; patientens adress används inte.</translation>
    </message>
    <message>
        <source>S&amp;treet:</source>
        <translation>&amp;Gatuadress:</translation>
    </message>
    <message>
        <source>Postal &amp;code:</source>
        <translation>Post&amp;nummer:</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <source>Where the technician is to come, or where the aid is to be returned.</source>
        <translation>Dit teknikern ska komma, eller dit hjälpmedlet ska returneras.</translation>
    </message>
    <message>
        <source>Where the supplier returns the aid.</source>
        <translation>Dit leverantören returnerar hjälpmedlet.</translation>
    </message>
</context>
<context>
    <name>AidChecklist</name>
    <message>
        <source>Why it cannot be done</source>
        <translation>Varför det inte går</translation>
    </message>
    <message>
        <source>All points done</source>
        <translation>Alla punkter klara</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>The aid has been cleaned (protective clothing required)</source>
        <translation>Hjälpmedlet är rengjort (skyddskläder krävs)</translation>
    </message>
    <message>
        <source>The aid is blocked for the aid consultant to investigate: “{mark}”.</source>
        <translation>Hjälpmedlet spärras för utredning av hjälpmedelskonsulent: ”{mark}”.</translation>
    </message>
    <message>
        <source>Known infection in the patient?</source>
        <translation>Känd smitta hos patienten?</translation>
    </message>
    <message>
        <source>Involved in an incident?</source>
        <translation>Inblandat i en incident?</translation>
    </message>
    <message>
        <source>{aid}: tick “{point}” or write why it cannot be done.</source>
        <translation>{aid}: bocka för ”{point}” eller skriv varför det inte går.</translation>
    </message>
    <message>
        <source>{aid}: answer whether the patient has a known infection.</source>
        <translation>{aid}: svara på om patienten har känd smitta.</translation>
    </message>
    <message>
        <source>{aid}: answer whether the aid was involved in an incident.</source>
        <translation>{aid}: svara på om hjälpmedlet varit inblandat i en incident.</translation>
    </message>
</context>
<context>
    <name>AidListDialog</name>
    <message>
        <source>Aid list saved as {name}.</source>
        <translation>Hjälpmedelslistan sparades som {name}.</translation>
    </message>
    <message>
        <source>Print aid list</source>
        <translation>Skriv ut hjälpmedelslista</translation>
    </message>
    <message>
        <source>Every aid the patient holds, with its price. Fill in an invoice address only when one is needed.</source>
        <translation>Alla hjälpmedel patienten har, med pris. Fyll bara i en fakturaadress när en behövs.</translation>
    </message>
    <message>
        <source>&amp;Print aid list</source>
        <translation>&amp;Skriv ut hjälpmedelslista</translation>
    </message>
</context>
<context>
    <name>AidsPage</name>
    <message>
        <source>The aids to return</source>
        <translation>Hjälpmedel att returnera</translation>
    </message>
    <message>
        <source>Tick the aids, choose where they go and why. Nothing is saved before the last page.</source>
        <translation>Bocka för hjälpmedlen och välj vart de ska och varför. Inget sparas före sista sidan.</translation>
    </message>
    <message>
        <source>Reading the aids…</source>
        <translation>Läser hjälpmedlen…</translation>
    </message>
    <message>
        <source>Aids (tick those returned, or scan their individual numbers)</source>
        <translation>Hjälpmedel (bocka för dem som returneras, eller skanna deras individnummer)</translation>
    </message>
    <message>
        <source>Tick &amp;all</source>
        <translation>Bocka för &amp;alla</translation>
    </message>
    <message>
        <source>Where the aids go</source>
        <translation>Vart hjälpmedlen ska</translation>
    </message>
    <message>
        <source>(choose a reason)</source>
        <translation>(välj orsak)</translation>
    </message>
    <message>
        <source>Why the aids are returned (required for Other)</source>
        <translation>Varför hjälpmedlen returneras (krävs för Annat)</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Orsak:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Kommentar:</translation>
    </message>
    <message>
        <source>Patient: {patient}</source>
        <translation>Patient: {patient}</translation>
    </message>
    <message>
        <source>An individual in our own stock</source>
        <translation>En individ i vårt eget förråd</translation>
    </message>
    <message>
        <source>Already on a registered pickup order.</source>
        <translation>Finns redan på en registrerad hämtorder.</translation>
    </message>
    <message>
        <source>There are no aids to return.</source>
        <translation>Det finns inga hjälpmedel att returnera.</translation>
    </message>
    <message>
        <source>The patient is deceased: that is the reason.</source>
        <translation>Patienten är avliden: det är orsaken.</translation>
    </message>
    <message>
        <source>individual {number}</source>
        <translation>individ {number}</translation>
    </message>
    <message>
        <source>{quantity} pcs</source>
        <translation>{quantity} st</translation>
    </message>
    <message>
        <source>Service product and aids</source>
        <translation>Tjänsteprodukt och hjälpmedel</translation>
    </message>
    <message>
        <source>Choose a service product…</source>
        <translation>Välj tjänsteprodukt…</translation>
    </message>
    <message>
        <source>The patient holds no individually marked aid.</source>
        <translation>Patienten har inget individmärkt hjälpmedel.</translation>
    </message>
    <message>
        <source>Service &amp;product:</source>
        <translation>Tjänste&amp;produkt:</translation>
    </message>
    <message>
        <source>delivered {date}</source>
        <translation>levererad {date}</translation>
    </message>
    <message>
        <source>delivered from {date}</source>
        <translation>levereras {date}</translation>
    </message>
    <message>
        <source>open activity {numbers}</source>
        <translation>öppen aktivitet {numbers}</translation>
    </message>
    <message>
        <source>{kind}: choose the service product and tick the aid.</source>
        <translation>{kind}: välj tjänsteprodukt och bocka i hjälpmedlet.</translation>
    </message>
    <message>
        <source>One activity per installation: tick one aid; more to install go in the wanted action.</source>
        <translation>En aktivitet per installation: bocka i ett hjälpmedel; fler att installera skrivs i önskad åtgärd.</translation>
    </message>
    <message>
        <source>Tick the aids the activity concerns.</source>
        <translation>Bocka i de hjälpmedel aktiviteten gäller.</translation>
    </message>
    <message>
        <source>on a registered pickup order</source>
        <translation>på en registrerad hämtorder</translation>
    </message>
    <message>
        <source>{aid} is already on a registered pickup order.</source>
        <translation>{aid} finns redan på en registrerad hämtorder.</translation>
    </message>
    <message>
        <source>What the supplier credits, and why (required)</source>
        <translation>Vad leverantören krediterar, och varför (krävs)</translation>
    </message>
    <message>
        <source>Tick at least one aid to return.</source>
        <translation>Bocka för minst ett hjälpmedel att returnera.</translation>
    </message>
    <message>
        <source>Choose where the aids go.</source>
        <translation>Välj vart hjälpmedlen ska.</translation>
    </message>
    <message>
        <source>Choose why the aids are returned.</source>
        <translation>Välj varför hjälpmedlen returneras.</translation>
    </message>
</context>
<context>
    <name>ApplicationPage</name>
    <message>
        <source>Outside-assortment application</source>
        <translation>Ansökan utanför sortiment</translation>
    </message>
    <message>
        <source>No article is chosen. Give only what is relevant and needed for the application.</source>
        <translation>Ingen artikel väljs. Ange bara det som är relevant och nödvändigt för ansökan.</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <source>N&amp;o</source>
        <translation>N&amp;ej</translation>
    </message>
    <message>
        <source>The need that requires and justifies a product outside the assortment</source>
        <translation>Behovet som kräver och motiverar en produkt utöver ordinarie sortiment</translation>
    </message>
    <message>
        <source>Products or measures tried or considered and why; if none, why not and how the need was found</source>
        <translation>Produkter eller åtgärder som provats eller övervägts och varför; om inga, motivering och hur behovet fastställts</translation>
    </message>
    <message>
        <source>&amp;Supplier:</source>
        <translation>&amp;Leverantör:</translation>
    </message>
    <message>
        <source>Supplier&apos;s &amp;article number:</source>
        <translation>Leverantörens &amp;artikelnummer:</translation>
    </message>
    <message>
        <source>Product &amp;name:</source>
        <translation>Artikel&amp;benämning:</translation>
    </message>
    <message>
        <source>CE-marked under MDR:</source>
        <translation>CE-märkt enligt MDR:</translation>
    </message>
    <message>
        <source>The patient&apos;s &amp;need:</source>
        <translation>Patientens &amp;behov:</translation>
    </message>
    <message>
        <source>&amp;Tried or considered:</source>
        <translation>&amp;Provat eller övervägt:</translation>
    </message>
</context>
<context>
    <name>ArticleSearchBox</name>
    <message>
        <source>Article: name, supplier, supplier&apos;s or our article number — several words narrow</source>
        <translation>Artikel: benämning, leverantör, leverantörens eller vårt artikelnummer – flera ord begränsar</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alla typer</translation>
    </message>
    <message>
        <source>Assortment only</source>
        <translation>Endast sortiment</translation>
    </message>
    <message>
        <source>Quantity for the next article added (Alt+Q)</source>
        <translation>Antal för nästa artikel som läggs till (Alt+Q)</translation>
    </message>
    <message>
        <source>&amp;Add to cart</source>
        <translation>Lägg i varu&amp;korg</translation>
    </message>
    <message>
        <source>Article no.</source>
        <translation>Artikelnr</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Benämning</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Leverantör</translation>
    </message>
    <message>
        <source>Supplier&apos;s no.</source>
        <translation>Lev. artikelnr</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Assortment</source>
        <translation>Sortiment</translation>
    </message>
    <message>
        <source>Individual number:</source>
        <translation>Individnummer:</translation>
    </message>
    <message>
        <source>Scan or type the individual number of the device to hand out, Enter</source>
        <translation>Skanna eller skriv individnumret på hjälpmedlet som ska lämnas ut, Enter</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation>An&amp;tal:</translation>
    </message>
    <message>
        <source>the cart&apos;s article field</source>
        <translation>varukorgens artikelfält</translation>
    </message>
    <message>
        <source>the cart&apos;s individual number field</source>
        <translation>varukorgens fält för individnummer</translation>
    </message>
    <message>
        <source>No article found.</source>
        <translation>Ingen artikel hittades.</translation>
    </message>
    <message numerus="yes">
        <source>%n articles found, showing the first {count}; add a word to narrow.</source>
        <translation>
            <numerusform>%n artikel hittades, visar de första {count}; lägg till ett ord för att begränsa.</numerusform>
            <numerusform>%n artiklar hittades, visar de första {count}; lägg till ett ord för att begränsa.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n articles found.</source>
        <translation>
            <numerusform>%n artikel hittades.</numerusform>
            <numerusform>%n artiklar hittades.</numerusform>
        </translation>
    </message>
    <message>
        <source>Several articles match: choose with ↑/↓ and press Enter.</source>
        <translation>Flera artiklar matchar: välj med ↑/↓ och tryck Enter.</translation>
    </message>
</context>
<context>
    <name>BoughtOverDialog</name>
    <message>
        <source>Bought over from another region</source>
        <translation>Överköp från annan region</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Läser…</translation>
    </message>
    <message>
        <source>YYYYMMDD-NNNN</source>
        <translation>ÅÅÅÅMMDD-NNNN</translation>
    </message>
    <message>
        <source>e.g. Region Halland</source>
        <translation>t.ex. Region Halland</translation>
    </message>
    <message>
        <source>Name of the contact in the region who approved it</source>
        <translation>Namn på kontaktpersonen i regionen som godkänt köpet</translation>
    </message>
    <message>
        <source>kronor, e.g. 4500</source>
        <translation>kronor, t.ex. 4500</translation>
    </message>
    <message>
        <source> months</source>
        <translation> månader</translation>
    </message>
    <message>
        <source>Only for an individually marked aid</source>
        <translation>Bara för ett individmärkt hjälpmedel</translation>
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
        <source>Individual</source>
        <translation>Individ</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Lager</translation>
    </message>
    <message>
        <source>&amp;Put in own stock</source>
        <translation>&amp;Lägg in i eget förråd</translation>
    </message>
    <message>
        <source>Patient&apos;s identity number:</source>
        <translation>Patientens personnummer:</translation>
    </message>
    <message>
        <source>Bought from:</source>
        <translation>Köps från:</translation>
    </message>
    <message>
        <source>Approved by:</source>
        <translation>Godkänt av:</translation>
    </message>
    <message>
        <source>Supplier:</source>
        <translation>Leverantör:</translation>
    </message>
    <message>
        <source>Supplier&apos;s article number:</source>
        <translation>Leverantörens artikelnummer:</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>Pris:</translation>
    </message>
    <message>
        <source>Age of the aid:</source>
        <translation>Hjälpmedlets ålder:</translation>
    </message>
    <message>
        <source>Individual number:</source>
        <translation>Individnummer:</translation>
    </message>
    <message>
        <source>Serial number:</source>
        <translation>Serienummer:</translation>
    </message>
    <message>
        <source>Put in own stock in this session:</source>
        <translation>Inlagt i eget förråd den här gången:</translation>
    </message>
    <message>
        <source>(choose the supplier)</source>
        <translation>(välj leverantör)</translation>
    </message>
    <message>
        <source>Only the aid centre&apos;s administration enters aids bought over from another region; send them the details.</source>
        <translation>Bara Administrationsenheten på Hjälpmedel lägger in hjälpmedel som köps över från annan region; skicka uppgifterna till dem.</translation>
    </message>
    <message>
        <source>{location} has no own stock; choose the clinic&apos;s service location.</source>
        <translation>{location} har inget eget förråd; välj mottagningens tjänsteställe.</translation>
    </message>
    <message>
        <source>The aid goes into {code} {name}; the clinic then prescribes it from own stock.</source>
        <translation>Hjälpmedlet läggs in på {code} {name}; mottagningen förskriver det sedan med uttag ur eget förråd.</translation>
    </message>
    <message>
        <source>{article} put in {code}.</source>
        <translation>{article} inlagd på {code}.</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <source>Camera</source>
        <extracomment>How long an outline stays on the live picture after the frame it was read in. How long a dropped photo stays shown before the live picture comes back.</extracomment>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Camera {number}</source>
        <translation>Kamera {number}</translation>
    </message>
    <message>
        <source>&amp;Camera:</source>
        <translation>&amp;Kamera:</translation>
    </message>
    <message>
        <source>Hold the code in front of the camera, or drop a photo of it here.</source>
        <translation>Håll koden framför kameran, eller släpp ett foto av den här.</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Försök igen</translation>
    </message>
    <message>
        <source>Starting camera {number}…</source>
        <translation>Startar kamera {number}…</translation>
    </message>
    <message>
        <source>Read: {code}</source>
        <translation>Läst: {code}</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Läser {name}…</translation>
    </message>
    <message>
        <source>No code could be read in {name}.</source>
        <translation>Ingen kod kunde läsas i {name}.</translation>
    </message>
</context>
<context>
    <name>CartLinesBox</name>
    <message>
        <source>Line</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Article no.</source>
        <translation>Artikelnr</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Benämning</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Deliver from</source>
        <translation>Leverans från</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Styckpris</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Avgifter</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Comment on the line (services: what is bought, e.g. hours) — Enter saves</source>
        <translation>Kommentar till raden (tjänster: vad som köps, t.ex. timmar) – Enter sparar</translation>
    </message>
    <message>
        <source>Save &amp;line</source>
        <translation>Spara &amp;rad</translation>
    </message>
    <message>
        <source>&amp;Remove line</source>
        <translation>Ta b&amp;ort rad</translation>
    </message>
    <message>
        <source>Remove the selected line (Delete)</source>
        <translation>Ta bort den markerade raden (Delete)</translation>
    </message>
    <message>
        <source>{name} (individual {number})</source>
        <translation>{name} (individ {number})</translation>
    </message>
    <message>
        <source>billed at receipt</source>
        <translation>faktureras vid kvittens</translation>
    </message>
    <message>
        <source>billed {date}</source>
        <translation>faktureras {date}</translation>
    </message>
    <message>
        <source>Comment needed: say what is bought</source>
        <translation>Kommentar krävs: ange vad som köps</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>Antal:</translation>
    </message>
    <message>
        <source>Co&amp;mment:</source>
        <translation>Ko&amp;mmentar:</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Varukorg</translation>
    </message>
    <message numerus="yes">
        <source>Cart (%n lines)</source>
        <translation>
            <numerusform>Varukorg (%n rad)</numerusform>
            <numerusform>Varukorg (%n rader)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CartPage</name>
    <message>
        <source>Articles</source>
        <translation>Artiklar</translation>
    </message>
    <message>
        <source>No patient has the identity number {number}.</source>
        <translation>Ingen patient har personnumret {number}.</translation>
    </message>
    <message>
        <source>Several patients match; type the full identity number or start from the Patient tab.</source>
        <translation>Flera patienter matchar; skriv hela personnumret eller börja från fliken Patient.</translation>
    </message>
    <message>
        <source>Type or scan the recipient&apos;s identity number and press Enter.</source>
        <translation>Skriv eller skanna mottagarens personnummer och tryck Enter.</translation>
    </message>
    <message>
        <source>New patient carts now deliver from: {place}.</source>
        <translation>Nya varukorgar för patienter levereras nu från: {place}.</translation>
    </message>
    <message>
        <source>Open a cart first: scan the recipient&apos;s identity number, or choose a replenishment.</source>
        <translation>Öppna en varukorg först: skanna mottagarens personnummer eller välj lagerpåfyllnad.</translation>
    </message>
    <message>
        <source>Added {quantity} × {name}.</source>
        <translation>Lade till {quantity} × {name}.</translation>
    </message>
    <message>
        <source>Line {number} is a service: write in its comment what is bought.</source>
        <translation>Rad {number} är en tjänst: skriv i kommentaren vad som köps.</translation>
    </message>
    <message>
        <source>Individual {number} ({name}) added.</source>
        <translation>Individ {number} ({name}) har lagts till.</translation>
    </message>
    <message>
        <source>Line {number} saved.</source>
        <translation>Rad {number} sparad.</translation>
    </message>
    <message>
        <source>Line {number} removed.</source>
        <translation>Rad {number} borttagen.</translation>
    </message>
    <message>
        <source>The cart is empty: add at least one article before sending.</source>
        <translation>Varukorgen är tom: lägg till minst en artikel innan du skickar.</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <source>The checklist of each aid</source>
        <translation>Checklista för varje hjälpmedel</translation>
    </message>
    <message>
        <source>Tick each point, or write why it cannot be done. The checklist is kept with the return; it is not sent with the parcel.</source>
        <translation>Bocka för varje punkt, eller skriv varför det inte går. Checklistan sparas med returen; den skickas inte med försändelsen.</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Aid</source>
        <translation>Hjälpmedel</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Besvarad</translation>
    </message>
    <message>
        <source>Ne&amp;xt aid</source>
        <translation>Nästa &amp;hjälpmedel</translation>
    </message>
</context>
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
        <source>Read</source>
        <translation>Läst</translation>
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
        <source>Choose a conflict, read both versions, and keep the one that is right. A change the server refused is listed here too until you have read it.</source>
        <translation>Välj en konflikt, läs båda versionerna och behåll den som stämmer. En ändring som servern inte tog emot visas också här tills du har läst den.</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Avvisad av servern</translation>
    </message>
    <message>
        <source>Device changed on two workstations</source>
        <translation>Individ ändrad på två arbetsstationer</translation>
    </message>
    <message>
        <source>Received twice</source>
        <translation>Kvitterad två gånger</translation>
    </message>
    <message>
        <source>Deleted on another workstation</source>
        <translation>Borttagen på en annan arbetsstation</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>The server refused a change made here and the record is back as the server has it; read the reason, and do the work again if it is still needed.</source>
        <translation>Servern tog inte emot en ändring som gjordes här, och uppgiften är tillbaka som servern har den; läs orsaken och gör om arbetet om det fortfarande behövs.</translation>
    </message>
    <message>
        <source>The same device was handed out, returned or otherwise changed in different ways on two workstations; keep the version that is right.</source>
        <translation>Samma individ lämnades ut, returnerades eller ändrades på olika sätt på två arbetsstationer; behåll den version som stämmer.</translation>
    </message>
    <message>
        <source>The same delivery line was received on two workstations; keep the receipt that is right.</source>
        <translation>Samma leveransrad kvitterades på två arbetsstationer; behåll den kvittering som stämmer.</translation>
    </message>
    <message>
        <source>The record was deleted on another workstation before the change made here arrived; keep the deletion or restore the record with the change.</source>
        <translation>Uppgiften togs bort på en annan arbetsstation innan ändringen härifrån kom fram; behåll borttagningen eller återställ uppgiften med ändringen.</translation>
    </message>
    <message>
        <source>No conflicts and no refused changes.</source>
        <translation>Inga konflikter och inga avvisade ändringar.</translation>
    </message>
    <message>
        <source>Version {number}:</source>
        <translation>Version {number}:</translation>
    </message>
    <message>
        <source>The server&apos;s words: {reason}</source>
        <translation>Serverns ord: {reason}</translation>
    </message>
    <message>
        <source>I have read this</source>
        <translation>Jag har läst detta</translation>
    </message>
    <message>
        <source>Keep version {number}</source>
        <translation>Behåll version {number}</translation>
    </message>
</context>
<context>
    <name>DeliveryBox</name>
    <message>
        <source>Delivery</source>
        <translation>Leverans</translation>
    </message>
    <message>
        <source>Not for delivery information</source>
        <translation>Inte för leveransinformation</translation>
    </message>
    <message>
        <source>Delivery method:</source>
        <translation>Leveranssätt:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Namn:</translation>
    </message>
    <message>
        <source>Street:</source>
        <translation>Gatuadress:</translation>
    </message>
    <message>
        <source>Postal code:</source>
        <translation>Postnummer:</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>Ort:</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Kontaktperson:</translation>
    </message>
    <message>
        <source>Contact phone:</source>
        <translation>Kontakttelefon:</translation>
    </message>
    <message>
        <source>Order comment:</source>
        <translation>Kommentar till beställningen:</translation>
    </message>
    <message>
        <source>A withdrawal from own stock is handed out at the desk: no delivery to choose.</source>
        <translation>Ett uttag ur eget förråd lämnas ut i receptionen: inget leveranssätt att välja.</translation>
    </message>
</context>
<context>
    <name>DescriptionPage</name>
    <message>
        <source>Wanted action</source>
        <translation>Önskad åtgärd</translation>
    </message>
    <message>
        <source>What the supplier or technician is to do</source>
        <translation>Vad leverantören eller teknikern ska göra</translation>
    </message>
    <message>
        <source>&amp;Fault description:</source>
        <translation>&amp;Felbeskrivning:</translation>
    </message>
    <message>
        <source>The fault, as the patient describes it</source>
        <translation>Felet, så som patienten beskriver det</translation>
    </message>
    <message>
        <source>The patient has a known infection (MRSA, Clostridium, hepatitis, ESBL, covid…)</source>
        <translation>Patienten har känd smitta (MRSA, Clostridium, hepatit, ESBL, covid …)</translation>
    </message>
    <message>
        <source>The work order then says &quot;Protective clothing required&quot;.</source>
        <translation>Arbetsordern får då texten ”Skyddsklädsel krävs”.</translation>
    </message>
    <message>
        <source>&amp;Wanted action:</source>
        <translation>Önskad &amp;åtgärd:</translation>
    </message>
    <message>
        <source>Write the fault to be fixed, a contact person with phone number, and anything else important.</source>
        <translation>Skriv felet som ska åtgärdas, kontaktperson med telefonnummer och annan viktig information.</translation>
    </message>
    <message>
        <source>Describe the installation, and say if there are more aids to install.</source>
        <translation>Beskriv vad installationen avser och om det är flera hjälpmedel som ska installeras.</translation>
    </message>
    <message>
        <source>Describe what the warranty repair concerns.</source>
        <translation>Beskriv vad garantireparationen avser.</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>Document saved</source>
        <translation>Dokumentet sparat</translation>
    </message>
    <message>
        <source>No PDF viewer could open the document; it was saved as {path}.</source>
        <translation>Inget PDF-program kunde öppna dokumentet; det sparades som {path}.</translation>
    </message>
    <message>
        <source>loan-agreement</source>
        <translation>laneforbindelse</translation>
    </message>
    <message>
        <source>purchase-order</source>
        <translation>inkopsorder</translation>
    </message>
    <message>
        <source>stock-balance-report</source>
        <translation>lagersaldorapport</translation>
    </message>
    <message>
        <source>count-sheet</source>
        <translation>inventeringsunderlag</translation>
    </message>
    <message>
        <source>pickup-order</source>
        <translation>hamtorder</translation>
    </message>
    <message>
        <source>return-slip</source>
        <translation>retursedel</translation>
    </message>
    <message>
        <source>return-receipt</source>
        <translation>returkvitto</translation>
    </message>
    <message>
        <source>aid-list</source>
        <translation>hjalpmedelslista</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>aktivitet</translation>
    </message>
</context>
<context>
    <name>FeesPage</name>
    <message>
        <source>All statuses</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <source>Pause charger invoice…</source>
        <translation>Pausa faktura för laddare…</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planerad</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausad</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Fakturerad</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Makulerad</translation>
    </message>
    <message>
        <source>Bill date</source>
        <translation>Fakturadatum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Individual number</source>
        <translation>Individnummer</translation>
    </message>
    <message>
        <source>Amount (kr)</source>
        <translation>Belopp (kr)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Paused until</source>
        <translation>Pausad till</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Beställning</translation>
    </message>
    <message>
        <source>Bill date from</source>
        <translation>Fakturadatum från</translation>
    </message>
    <message>
        <source>to</source>
        <translation>till</translation>
    </message>
    <message>
        <source>Fees are added by the program when an order is sent or a delivery received; they are never chosen by hand.</source>
        <translation>Avgifter läggs till av programmet när en beställning skickas eller en leverans kvitteras; de väljs aldrig för hand.</translation>
    </message>
    <message>
        <source>No fees in the period.</source>
        <translation>Inga avgifter under perioden.</translation>
    </message>
    <message numerus="yes">
        <source>%n fees; still to bill {amount} kr</source>
        <translation>
            <numerusform>%n avgift; kvar att fakturera {amount} kr</numerusform>
            <numerusform>%n avgifter; kvar att fakturera {amount} kr</numerusform>
        </translation>
    </message>
    <message>
        <source>; already billed {amount} kr</source>
        <translation>; redan fakturerat {amount} kr</translation>
    </message>
    <message>
        <source>The invoice for charger {number} is paused until {until}; it goes out on {bill_on}.</source>
        <translation>Fakturan för laddare {number} är pausad till {until}; den skickas {bill_on}.</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>First start of Hearing Desk</source>
        <translation>Första start av Hearing Desk</translation>
    </message>
    <message>
        <source>This workstation has no data yet. How should it start?</source>
        <translation>Arbetsstationen har inga uppgifter ännu. Hur ska den starta?</translation>
    </message>
    <message>
        <source>&amp;Try it with demo data</source>
        <translation>&amp;Prova med övningsdata</translation>
    </message>
    <message>
        <source>An invented hearing clinic to practise on. The title bar says DEMO, and this workstation can never sync with the clinic&apos;s server.</source>
        <translation>En påhittad hörselmottagning att öva på. Namnlisten visar DEMO, och arbetsstationen kan aldrig synkroniseras med mottagningens server.</translation>
    </message>
    <message>
        <source>&amp;Join the clinic&apos;s server</source>
        <translation>&amp;Anslut till mottagningens server</translation>
    </message>
    <message>
        <source>The administrator gives each workstation a name and a token. The first sync fills this workstation with the clinic&apos;s data; then you sign in.</source>
        <translation>Administratören ger varje arbetsstation ett namn och en nyckel (token). Den första synkroniseringen fyller arbetsstationen med mottagningens uppgifter; sedan loggar du in.</translation>
    </message>
    <message>
        <source>Start &amp;empty</source>
        <translation>Starta &amp;tom</translation>
    </message>
    <message>
        <source>No data at all. You can join the clinic&apos;s server later under File → Sync settings.</source>
        <translation>Inga uppgifter alls. Du kan ansluta till mottagningens server senare under Arkiv → Synkinställningar.</translation>
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
        <source>To&amp;ken:</source>
        <translation>&amp;Nyckel:</translation>
    </message>
    <message>
        <source>Joining the server; the first sync is filling this workstation…</source>
        <translation>Ansluter till servern; den första synkroniseringen fyller arbetsstationen…</translation>
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
    <name>IndividualRecordView</name>
    <message>
        <source>Blue</source>
        <extracomment>R40: the colour printed on the label, as a swatch. R40: the colour&apos;s one word, for the hit list&apos;s column.</extracomment>
        <translation>Blå</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Röd</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Grön</translation>
    </message>
    <message>
        <source>Goods receipt</source>
        <extracomment>The history&apos;s document kinds as the clerk reads them.</extracomment>
        <translation>Kvittering</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Beställning</translation>
    </message>
    <message>
        <source>Order cancelled</source>
        <translation>Beställning makulerad</translation>
    </message>
    <message>
        <source>Pickup order</source>
        <translation>Hämtorder</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retur</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivitet</translation>
    </message>
    <message>
        <source>Scrapped</source>
        <translation>Skrotad</translation>
    </message>
    <message>
        <source>Change of recipient</source>
        <translation>Byte av mottagare</translation>
    </message>
    <message>
        <source>Bought over from another region</source>
        <translation>Överköp från annan region</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Inventering</translation>
    </message>
    <message>
        <source>Found after the inventory</source>
        <translation>Hittad efter inventeringen</translation>
    </message>
    <message>
        <source>Individual number changed</source>
        <translation>Byte av individnummer</translation>
    </message>
    <message>
        <source>SIP number changed</source>
        <translation>SIP-nummer ändrat</translation>
    </message>
    <message>
        <source>Previous number: {number}</source>
        <translation>Tidigare nummer: {number}</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Tillagt</translation>
    </message>
    <message>
        <source>Previous SIP number: {sip}</source>
        <translation>Tidigare SIP-nummer: {sip}</translation>
    </message>
    <message>
        <source>Open the &amp;patient</source>
        <extracomment>R41, R42: (what, the device&apos;s individual number), see ``ui.life_events``.</extracomment>
        <translation>Öppna &amp;patienten</translation>
    </message>
    <message>
        <source>Open the patient&apos;s record (the opening is logged).</source>
        <translation>Öppna patientens journal (öppnandet loggas).</translation>
    </message>
    <message>
        <source>Change individual &amp;number…</source>
        <translation>Byt individ&amp;nummer…</translation>
    </message>
    <message>
        <source>Print &amp;label…</source>
        <translation>Skriv ut &amp;etikett…</translation>
    </message>
    <message>
        <source>Change serial number…</source>
        <translation>Byt serienummer…</translation>
    </message>
    <message>
        <source>e.g. 46401234567@sip.example.se</source>
        <translation>t.ex. 46401234567@sip.example.se</translation>
    </message>
    <message>
        <source>&amp;Edit SIP number</source>
        <translation>&amp;Ändra SIP-nummer</translation>
    </message>
    <message>
        <source>Add or change the SIP number; Enter saves, Esc cancels.</source>
        <translation>Lägg till eller ändra SIP-numret; Enter sparar, Esc avbryter.</translation>
    </message>
    <message>
        <source>Purchased:</source>
        <translation>Inköpt:</translation>
    </message>
    <message>
        <source>Purchase price:</source>
        <translation>Pris vid inköp:</translation>
    </message>
    <message>
        <source>Supplier:</source>
        <translation>Leverantör:</translation>
    </message>
    <message>
        <source>Supplier&apos;s article number:</source>
        <translation>Leverantörens artikelnummer:</translation>
    </message>
    <message>
        <source>Last preventive maintenance:</source>
        <translation>Senaste FU (förebyggande underhåll):</translation>
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
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Lager</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
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
        <source>Note</source>
        <translation>Anmärkning</translation>
    </message>
    <message>
        <source>M&amp;ore</source>
        <translation>M&amp;er</translation>
    </message>
    <message>
        <source>Report lost or stolen…</source>
        <translation>Anmäl förlorat eller stulet…</translation>
    </message>
    <message>
        <source>Change of recipient…</source>
        <translation>Byte av mottagare…</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Ägare:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Individual number:</source>
        <translation>Individnummer:</translation>
    </message>
    <message>
        <source>Serial number:</source>
        <translation>Serienummer:</translation>
    </message>
    <message>
        <source>SIP number:</source>
        <translation>SIP-nummer:</translation>
    </message>
    <message>
        <source>&amp;Return…</source>
        <translation>&amp;Retur…</translation>
    </message>
    <message>
        <source>Return the aid: from the patient, or from our own stock to the supplier.</source>
        <translation>Returnera hjälpmedlet: från patienten, eller från vårt eget förråd till leverantören.</translation>
    </message>
    <message>
        <source>Only an aid a patient holds, or one in stock, can be returned.</source>
        <translation>Bara ett hjälpmedel som en patient har, eller ett i lager, kan returneras.</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Serienummer</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(inget)</translation>
    </message>
    <message>
        <source>&amp;Add SIP number</source>
        <translation>&amp;Lägg till SIP-nummer</translation>
    </message>
    <message>
        <source>{amount} kr</source>
        <translation>{amount} kr</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(ingen text)</translation>
    </message>
    <message>
        <source>Individual information</source>
        <translation>Individinformation</translation>
    </message>
    <message>
        <source>Activities ({count})</source>
        <translation>Aktiviteter ({count})</translation>
    </message>
    <message>
        <source>Text information</source>
        <translation>Textinformation</translation>
    </message>
    <message>
        <source>Status history ({count})</source>
        <translation>Statushistorik ({count})</translation>
    </message>
    <message>
        <source>Warehouse: {code} {name}</source>
        <translation>Lager: {code} {name}</translation>
    </message>
    <message>
        <source>Patient: {patient}</source>
        <translation>Patient: {patient}</translation>
    </message>
    <message>
        <source>Order: {number}</source>
        <translation>Beställning: {number}</translation>
    </message>
    <message>
        <source>delivered {date}</source>
        <translation>levererad {date}</translation>
    </message>
</context>
<context>
    <name>IndividualTab</name>
    <message>
        <source>Individual number</source>
        <translation>Individnummer</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Serienummer</translation>
    </message>
    <message>
        <source>SIP number</source>
        <translation>SIP-nummer</translation>
    </message>
    <message>
        <source>Search &amp;in:</source>
        <translation>Sök &amp;i:</translation>
    </message>
    <message>
        <source>The whole number, or at least {count} characters of it — Enter opens a single hit</source>
        <translation>Hela numret, eller minst {count} tecken av det — Enter öppnar en ensam träff</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ägare</translation>
    </message>
    <message>
        <source>Print labels for the chosen hits…</source>
        <translation>Skriv ut etiketter för valda träffar…</translation>
    </message>
    <message>
        <source>Search for an individual by its number, serial number or SIP number; Enter opens it.</source>
        <translation>Sök en individ på individnummer, serienummer eller SIP-nummer; Enter öppnar den.</translation>
    </message>
    <message>
        <source>No individual has the number {text}; type at least {count} characters to search for part of a number.</source>
        <translation>Ingen individ har numret {text}; skriv minst {count} tecken för att söka på en del av ett nummer.</translation>
    </message>
    <message>
        <source>No individual found for {text}.</source>
        <translation>Ingen individ hittades för {text}.</translation>
    </message>
    <message>
        <source>Showing the first {count}; type more of the number to narrow the search.</source>
        <translation>Visar de första {count}; skriv mer av numret för att begränsa sökningen.</translation>
    </message>
    <message>
        <source>Found: {count}.</source>
        <translation>Träffar: {count}.</translation>
    </message>
    <message>
        <source>The individual number is now {number}.</source>
        <translation>Individnumret är nu {number}.</translation>
    </message>
    <message>
        <source>SIP number saved.</source>
        <translation>SIP-numret är sparat.</translation>
    </message>
</context>
<context>
    <name>InventoryDialog</name>
    <message>
        <source>Inventory</source>
        <translation>Inventering</translation>
    </message>
</context>
<context>
    <name>InventoryPage</name>
    <message>
        <source>the inventory count</source>
        <extracomment>The article whose quantity the entry field waits for (None: it waits for a number).</extracomment>
        <translation>inventeringen</translation>
    </message>
    <message>
        <source>Warehouse:</source>
        <translation>Lager:</translation>
    </message>
    <message>
        <source>&amp;Start or resume count</source>
        <translation>&amp;Starta eller fortsätt inventering</translation>
    </message>
    <message>
        <source>&amp;Print count sheet</source>
        <translation>Skriv &amp;ut inventeringsunderlag</translation>
    </message>
    <message>
        <source>&amp;Close the count…</source>
        <translation>&amp;Avsluta inventeringen…</translation>
    </message>
    <message>
        <source>Choose the warehouse and start its count.</source>
        <translation>Välj lager och starta inventeringen.</translation>
    </message>
    <message>
        <source>&amp;Found after the inventory</source>
        <translation>&amp;Hittad efter inventeringen</translation>
    </message>
    <message>
        <source>An individual in the investigation warehouse has turned up: type its number, then click.</source>
        <translation>En individ på utredningslagret har hittats: skriv dess nummer och klicka sedan.</translation>
    </message>
    <message>
        <source>Art. no.</source>
        <translation>Artikelnr</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Benämning</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Inräknat</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Choose which count &amp;stands…</source>
        <translation>Välj vilken räkning som &amp;gäller…</translation>
    </message>
    <message>
        <source>Counted twice: choose which count stands</source>
        <translation>Räknad två gånger: välj vilken räkning som gäller</translation>
    </message>
    <message>
        <source>Not counted</source>
        <translation>Ej räknad</translation>
    </message>
    <message>
        <source>Counted</source>
        <comment>the status of a line</comment>
        <translation>Inräknat</translation>
    </message>
    <message>
        <source>Counted (not on the sheet)</source>
        <comment>the status of a line</comment>
        <translation>Räknad (fanns inte på underlaget)</translation>
    </message>
    <message>
        <source>(count in progress)</source>
        <translation>(inventering pågår)</translation>
    </message>
    <message>
        <source>{location} holds no own stock to count.</source>
        <translation>{location} har inget eget förråd att inventera.</translation>
    </message>
    <message>
        <source>Article or individual number:</source>
        <translation>Artikel- eller individnummer:</translation>
    </message>
    <message>
        <source>Quantity of {number} {name} ({unit}):</source>
        <translation>Antal av {number} {name} ({unit}):</translation>
    </message>
    <message>
        <source>Count of {code} {name}, started {when} by {who}: {counted} of {lines} lines counted, {found} of {expected} individuals found.</source>
        <translation>Inventering av {code} {name}, startad {when} av {who}: {counted} av {lines} rader räknade, {found} av {expected} individer hittade.</translation>
    </message>
    <message>
        <source>The count of {code} is closed.</source>
        <translation>Inventeringen av {code} är avslutad.</translation>
    </message>
    <message>
        <source>Individual {number} ({article}) found.</source>
        <translation>Individ {number} ({article}) hittad.</translation>
    </message>
    <message>
        <source>Individual {number} was already counted; it is not counted twice.</source>
        <translation>Individ {number} är redan räknad; den räknas inte två gånger.</translation>
    </message>
    <message>
        <source>Individual {number} was in the investigation warehouse; it is moved back here when the count is closed.</source>
        <translation>Individ {number} låg på utredningslagret; den flyttas tillbaka hit när inventeringen avslutas.</translation>
    </message>
    <message>
        <source>Individual {number} belongs elsewhere ({warehouse}); it was not counted. Put it aside and tell the aid centre.</source>
        <translation>Individ {number} hör hemma någon annanstans ({warehouse}); den räknades inte. Lägg den åt sidan och meddela Hjälpmedelscentralen.</translation>
    </message>
    <message>
        <source>not in a warehouse</source>
        <translation>inte i något lager</translation>
    </message>
    <message>
        <source>{number}: {quantity} counted and saved.</source>
        <translation>{number}: {quantity} räknade och sparade.</translation>
    </message>
    <message>
        <source>Keep the earlier count</source>
        <translation>Behåll den tidigare räkningen</translation>
    </message>
    <message>
        <source>Take the new count</source>
        <translation>Använd den nya räkningen</translation>
    </message>
    <message>
        <source>Add both (another shelf)</source>
        <translation>Lägg ihop båda (en annan hylla)</translation>
    </message>
    <message>
        <source>Article {number} was already counted: {quantity} by {who} at {when}. You have now counted {new}. Which count stands?</source>
        <translation>Artikel {number} är redan räknad: {quantity} av {who} {when}. Nu har du räknat {new}. Vilken räkning gäller?</translation>
    </message>
    <message>
        <source>Counted twice</source>
        <translation>Räknad två gånger</translation>
    </message>
    <message>
        <source>Nothing was saved for {number}; the earlier count stands.</source>
        <translation>Inget sparades för {number}; den tidigare räkningen gäller.</translation>
    </message>
    <message>
        <source>Select a line counted twice first.</source>
        <translation>Markera först en rad som räknats två gånger.</translation>
    </message>
    <message>
        <source>Article {number} was counted twice on different workstations. Which count stands?</source>
        <translation>Artikel {number} räknades två gånger på olika arbetsstationer. Vilken räkning gäller?</translation>
    </message>
    <message>
        <source>Close the count</source>
        <translation>Avsluta inventeringen</translation>
    </message>
    <message>
        <source>Close the count of {code}? The differences are booked in stock, and individuals not found go to the investigation warehouse.</source>
        <translation>Avsluta inventeringen av {code}? Differenserna bokas i lagret, och individer som inte hittats flyttas till utredningslagret.</translation>
    </message>
    <message>
        <source>Lines not counted</source>
        <translation>Rader som inte räknats</translation>
    </message>
    <message numerus="yes">
        <source>%n lines have not been counted (for example {number}). Book them as 0?</source>
        <translation>
            <numerusform>%n rad har inte räknats (till exempel {number}). Boka den som 0?</numerusform>
            <numerusform>%n rader har inte räknats (till exempel {number}). Boka dem som 0?</numerusform>
        </translation>
    </message>
    <message>
        <source>The count is closed: {movements} stock movements booked.</source>
        <translation>Inventeringen är avslutad: {movements} lagertransaktioner bokade.</translation>
    </message>
    <message>
        <source>Not found, moved to the investigation warehouse: {numbers}.</source>
        <translation>Ej hittade, flyttade till utredningslagret: {numbers}.</translation>
    </message>
    <message>
        <source>Back from the investigation warehouse: {numbers}.</source>
        <translation>Tillbaka från utredningslagret: {numbers}.</translation>
    </message>
    <message>
        <source>Count closed</source>
        <translation>Inventeringen avslutad</translation>
    </message>
    <message>
        <source>Type the number of the individual that turned up, then click again.</source>
        <translation>Skriv numret på individen som hittats och klicka sedan igen.</translation>
    </message>
    <message>
        <source>Individual {number} is back in {warehouse}. Report it: e-mail {address} with the article number {article}, the individual number {number} and your warehouse number {warehouse}.</source>
        <translation>Individ {number} är tillbaka i {warehouse}. Meddela detta: mejla {address} med artikelnummer {article}, individnummer {number} och ert lagernummer {warehouse}.</translation>
    </message>
    <message>
        <source>Found after the inventory</source>
        <translation>Hittad efter inventeringen</translation>
    </message>
</context>
<context>
    <name>InvoiceDetails</name>
    <message>
        <source>Invoice address and contact person</source>
        <translation>Fakturaadress och kontaktperson</translation>
    </message>
    <message>
        <source>Region Halland
Fakturaenheten
Box 517
301 80 Halmstad</source>
        <translation>Region Halland
Fakturaenheten
Box 517
301 80 Halmstad</translation>
    </message>
    <message>
        <source>Invoice address:</source>
        <translation>Fakturaadress:</translation>
    </message>
    <message>
        <source>Contact person:</source>
        <translation>Kontaktperson:</translation>
    </message>
    <message>
        <source>Contact&apos;s phone:</source>
        <translation>Kontaktpersonens telefon:</translation>
    </message>
</context>
<context>
    <name>IsoTreeModel</name>
    <message>
        <source>{code} {title} ({count})</source>
        <extracomment>The role holding a node&apos;s ISO code (&quot;22&quot;, &quot;2206&quot;, &quot;220615&quot;).</extracomment>
        <translation>{code} {title} ({count})</translation>
    </message>
    <message>
        <source>ISO 9999 assortment</source>
        <translation>Sortimentskatalog (ISO 9999)</translation>
    </message>
</context>
<context>
    <name>KindPage</name>
    <message>
        <source>Kind of activity</source>
        <translation>Aktivitetstyp</translation>
    </message>
    <message>
        <source>Choose the kind of activity and check the service location.</source>
        <translation>Välj aktivitetstyp och kontrollera tjänstestället.</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(saknas)</translation>
    </message>
    <message>
        <source>Patient: {patient}, {age} years. Phone: {phone}</source>
        <translation>Patient: {patient}, {age} år. Telefon: {phone}</translation>
    </message>
    <message>
        <source>Choose the service location the activity is for when you work at several units.</source>
        <translation>Välj det tjänsteställe aktiviteten gäller när du arbetar på flera enheter.</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Service location:</source>
        <translation>&amp;Tjänsteställe:</translation>
    </message>
</context>
<context>
    <name>LineEditor</name>
    <message>
        <source>Line {line}: {article_number} {article_name}</source>
        <extracomment>Whether a line&apos;s field takes a scanned code (the page keeps a box&apos;s codes for itself).</extracomment>
        <translation>Rad {line}: {article_number} {article_name}</translation>
    </message>
    <message>
        <source>Ordered: {quantity}</source>
        <translation>Beställt: {quantity}</translation>
    </message>
    <message>
        <source>Supplier: {supplier} {number}</source>
        <translation>Leverantör: {supplier} {number}</translation>
    </message>
    <message>
        <source>Purchase order: {number}</source>
        <translation>Inköpsorder: {number}</translation>
    </message>
    <message>
        <source>Planned: {day}</source>
        <translation>Planerad: {day}</translation>
    </message>
    <message>
        <source>Unit price: {price} kr</source>
        <translation>Styckpris: {price} kr</translation>
    </message>
    <message>
        <source>Delivered:</source>
        <translation>Levererat:</translation>
    </message>
    <message>
        <source>Comment: {text}</source>
        <translation>Kommentar: {text}</translation>
    </message>
    <message>
        <source>Unit price, kr</source>
        <translation>Styckpris, kr</translation>
    </message>
    <message>
        <source>Total on the delivery note, kr</source>
        <translation>Summa på följesedeln, kr</translation>
    </message>
    <message>
        <source>No price on the order: type the unit price, or the total to divide by {quantity}.</source>
        <translation>Beställningen saknar pris: skriv styckpriset, eller summan som delas med {quantity}.</translation>
    </message>
    <message>
        <source>Unit price:</source>
        <translation>Styckpris:</translation>
    </message>
    <message>
        <source>or total:</source>
        <translation>eller summa:</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Individual number</source>
        <translation>Individnummer</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Serienummer</translation>
    </message>
    <message>
        <source>the individual number field of line {line}</source>
        <translation>fältet för individnummer på rad {line}</translation>
    </message>
    <message>
        <source>the serial number field of line {line}</source>
        <translation>fältet för serienummer på rad {line}</translation>
    </message>
</context>
<context>
    <name>LostDeviceDialog</name>
    <message>
        <source>Aid lost or stolen</source>
        <translation>Förlorat eller stulet hjälpmedel</translation>
    </message>
    <message>
        <source>Reading the aid…</source>
        <translation>Läser hjälpmedlet…</translation>
    </message>
    <message>
        <source>&amp;Lost</source>
        <translation>&amp;Förlorat</translation>
    </message>
    <message>
        <source>&amp;Stolen (reported to the police)</source>
        <translation>&amp;Stulet (polisanmält)</translation>
    </message>
    <message>
        <source>e.g. 5000-K123456-26</source>
        <translation>t.ex. 5000-K123456-26</translation>
    </message>
    <message>
        <source>Where and when, as the patient told it (optional)</source>
        <translation>Var och när, som patienten berättat (frivilligt)</translation>
    </message>
    <message>
        <source>Report and &amp;scrap</source>
        <translation>Anmäl och &amp;skrota</translation>
    </message>
    <message>
        <source>What happened:</source>
        <translation>Vad hände:</translation>
    </message>
    <message>
        <source>Police report reference:</source>
        <translation>Polisanmälans diarienummer:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Kommentar:</translation>
    </message>
    <message>
        <source>Individual {number}: {article}</source>
        <translation>Individ {number}: {article}</translation>
    </message>
    <message>
        <source>Purchased {date} for {price} kr</source>
        <translation>Inköpt {date} för {price} kr</translation>
    </message>
    <message>
        <source>The aid is scrapped from the stock ledger. {unit} is charged the residual value {residual} kr and the administrative fee {fee} kr, in all {total} kr.</source>
        <translation>Hjälpmedlet skrotas ur systemet. {unit} debiteras restvärdet {residual} kr och den administrativa avgiften {fee} kr, totalt {total} kr.</translation>
    </message>
    <message>
        <source>Individual {number} scrapped; {unit} is charged {total} kr.</source>
        <translation>Individ {number} skrotad; {unit} debiteras {total} kr.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Hearing Desk</source>
        <translation>Hearing Desk</translation>
    </message>
    <message>
        <source>Hearing Desk – DEMO (practice data)</source>
        <extracomment>The camera of an index for the camera view (None: the real camera through OpenCV; tests give recorded frames). Open, but nobody can sign in yet (a workstation started empty, or joined to a server without users).</extracomment>
        <translation>Hearing Desk – DEMO (övningsdata)</translation>
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
        <source>S&amp;canner settings…</source>
        <translation>S&amp;kannerinställningar…</translation>
    </message>
    <message>
        <source>&amp;Change user or service location…</source>
        <translation>&amp;Byt användare eller tjänsteställe…</translation>
    </message>
    <message>
        <source>&amp;Stock</source>
        <translation>&amp;Lager</translation>
    </message>
    <message>
        <source>&amp;Inventory…</source>
        <translation>&amp;Inventering…</translation>
    </message>
    <message>
        <source>&amp;Bought over from another region…</source>
        <translation>&amp;Överköp från annan region…</translation>
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
        <source>&amp;Recent scans…</source>
        <translation>&amp;Senaste skanningar…</translation>
    </message>
    <message>
        <source>&amp;Camera…</source>
        <translation>&amp;Kamera…</translation>
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
        <source>&amp;Activities</source>
        <translation>&amp;Aktiviteter</translation>
    </message>
    <message>
        <source>&amp;Search activities…</source>
        <translation>&amp;Sök aktiviteter…</translation>
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
        <source>Not signed in</source>
        <translation>Ingen inloggad</translation>
    </message>
    <message>
        <source>Creating demo data…</source>
        <translation>Skapar övningsdata…</translation>
    </message>
    <message>
        <source>This workstation holds no data yet. Join the clinic&apos;s server under File → Sync settings with the address, workstation name and token the administrator gave you; its first sync fills the workstation, and then you sign in.</source>
        <translation>Arbetsstationen har inga uppgifter ännu. Anslut till mottagningens server under Arkiv → Synkinställningar med adressen, arbetsstationens namn och nyckeln som administratören gav dig; den första synkroniseringen fyller arbetsstationen, och sedan loggar du in.</translation>
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
    <message>
        <source>New activity</source>
        <translation>Ny aktivitet</translation>
    </message>
    <message>
        <source>Activity {number} created.</source>
        <translation>Aktivitet {number} är skapad.</translation>
    </message>
    <message>
        <source>&amp;Returns</source>
        <translation>&amp;Returer</translation>
    </message>
    <message>
        <source>&amp;New return…</source>
        <translation>&amp;Ny retur…</translation>
    </message>
    <message>
        <source>&amp;Search returns…</source>
        <translation>&amp;Sök returer…</translation>
    </message>
    <message>
        <source>Return {number} registered; its document is being saved.</source>
        <translation>Retur {number} är registrerad; dess dokument sparas.</translation>
    </message>
</context>
<context>
    <name>MovingOutDialog</name>
    <message>
        <source>Patient moving out of the region</source>
        <translation>Patienten flyttar från regionen</translation>
    </message>
    <message>
        <source>Reading the patient&apos;s list…</source>
        <translation>Läser patientens hjälpmedelslista…</translation>
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
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Styckpris</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Levererad</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Beställning</translation>
    </message>
    <message>
        <source>&amp;Return and scrap these</source>
        <translation>&amp;Återlämna och skrota dessa</translation>
    </message>
    <message>
        <source>&amp;Print aid list</source>
        <translation>&amp;Skriv ut hjälpmedelslista</translation>
    </message>
    <message>
        <source>Before {patient} moves, these are returned and scrapped from the list: every service purchase, and every main aid without an individual number that costs under 1 000 SEK. Then print the aid list for the administration.</source>
        <translation>Innan {patient} flyttar återlämnas och skrotas dessa ur listan: alla tjänsteköp och alla huvudhjälpmedel utan individnummer som kostar under 1 000 kr. Skriv sedan ut hjälpmedelslistan till Administrationsenheten.</translation>
    </message>
    <message>
        <source>{patient}&apos;s list holds nothing to return and scrap. Print the aid list for the administration.</source>
        <translation>Det finns inget att återlämna och skrota i listan för {patient}. Skriv ut hjälpmedelslistan till Administrationsenheten.</translation>
    </message>
    <message numerus="yes">
        <source>Return and scrap the %n line(s) listed from the patient&apos;s list?</source>
        <translation>
            <numerusform>Återlämna och skrota den listade raden ur patientens lista?</numerusform>
            <numerusform>Återlämna och skrota de %n listade raderna ur patientens lista?</numerusform>
        </translation>
    </message>
    <message>
        <source>The patient&apos;s list is cleaned.</source>
        <translation>Patientens hjälpmedelslista är städad.</translation>
    </message>
</context>
<context>
    <name>NewReturnDialog</name>
    <message>
        <source>New return</source>
        <translation>Ny retur</translation>
    </message>
    <message>
        <source>Whose aids are returned? Type or scan the patient&apos;s identity number or reserve number, or the individual number of one aid.</source>
        <translation>Vems hjälpmedel returneras? Skriv eller skanna patientens personnummer eller reservnummer, eller ett hjälpmedels individnummer.</translation>
    </message>
    <message>
        <source>Identity number, reserve number or individual number</source>
        <translation>Personnummer, reservnummer eller individnummer</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsätt</translation>
    </message>
    <message>
        <source>the new return&apos;s number field</source>
        <translation>nummerfältet för ny retur</translation>
    </message>
    <message>
        <source>Type the patient&apos;s identity number or an individual number.</source>
        <translation>Skriv patientens personnummer eller ett individnummer.</translation>
    </message>
    <message>
        <source>No patient and no individual has this number.</source>
        <translation>Ingen patient och ingen individ har detta nummer.</translation>
    </message>
</context>
<context>
    <name>OrderSearchPage</name>
    <message>
        <source>Order number (8 digits) — Enter</source>
        <translation>Beställningsnummer (8 siffror) – Enter</translation>
    </message>
    <message>
        <source>&amp;My orders</source>
        <translation>&amp;Mina beställningar</translation>
    </message>
    <message>
        <source>Orders where you are the orderer or the prescriber</source>
        <translation>Beställningar där du är beställare eller förskrivare</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Sök</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrerad</translation>
    </message>
    <message>
        <source>Order kind</source>
        <translation>Beställningstyp</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <source>Orderer</source>
        <translation>Beställare</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>Förskrivare</translation>
    </message>
    <message>
        <source>Service location</source>
        <translation>Tjänsteställe</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Rader</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Article no.</source>
        <translation>Artikelnr</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Benämning</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Deliver from</source>
        <translation>Leverans från</translation>
    </message>
    <message>
        <source>Planned delivery</source>
        <translation>Planerat lev.datum</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Levererad</translation>
    </message>
    <message>
        <source>Purchase order</source>
        <translation>Inköpsorder</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Leverantör</translation>
    </message>
    <message>
        <source>Create &amp;purchase orders</source>
        <translation>Skapa in&amp;köpsorder</translation>
    </message>
    <message>
        <source>P&amp;rint purchase order</source>
        <translation>Skriv &amp;ut inköpsorder</translation>
    </message>
    <message>
        <source>&amp;Cancel order</source>
        <translation>Makule&amp;ra beställning</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Nummer:</translation>
    </message>
    <message>
        <source>Service &amp;location:</source>
        <translation>T&amp;jänsteställe:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Från:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Till:</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Beställning</translation>
    </message>
    <message>
        <source>Order lines:</source>
        <translation>Beställningsrader:</translation>
    </message>
    <message>
        <source>Delivery:</source>
        <translation>Leverans:</translation>
    </message>
    <message>
        <source>Purchase orders:</source>
        <translation>Inköpsorder:</translation>
    </message>
    <message>
        <source>the order number field</source>
        <translation>fältet för beställningsnummer</translation>
    </message>
    <message>
        <source>All service locations</source>
        <translation>Alla tjänsteställen</translation>
    </message>
    <message>
        <source>Type the whole order number: 8 digits (year, week, running number).</source>
        <translation>Skriv hela beställningsnumret: 8 siffror (år, vecka, löpnummer).</translation>
    </message>
    <message>
        <source>No order found.</source>
        <translation>Ingen beställning hittades.</translation>
    </message>
    <message>
        <source>Orders found: {count}.</source>
        <translation>Hittade beställningar: {count}.</translation>
    </message>
    <message>
        <source>Select an order to see its lines, delivery and purchase orders.</source>
        <translation>Markera en beställning för att se dess rader, leverans och inköpsorder.</translation>
    </message>
    <message>
        <source>Order {number} — {kind} — {status}</source>
        <translation>Beställning {number} – {kind} – {status}</translation>
    </message>
    <message>
        <source>Registered {date} at {location}.</source>
        <translation>Registrerad {date} på {location}.</translation>
    </message>
    <message>
        <source>Orderer: {name}.</source>
        <translation>Beställare: {name}.</translation>
    </message>
    <message>
        <source>Prescriber: {name}.</source>
        <translation>Förskrivare: {name}.</translation>
    </message>
    <message>
        <source>Recipient: {patient}.</source>
        <translation>Mottagare: {patient}.</translation>
    </message>
    <message>
        <source>Contact: {contact}</source>
        <translation>Kontaktperson: {contact}</translation>
    </message>
    <message>
        <source>Comment: {comment}</source>
        <translation>Kommentar: {comment}</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Makulera beställning</translation>
    </message>
    <message>
        <source>Cancel order {number}? Its lines will not be delivered and no fee is billed.</source>
        <translation>Vill du makulera beställning {number}? Raderna levereras inte och ingen avgift faktureras.</translation>
    </message>
    <message>
        <source>Order {number} cancelled.</source>
        <translation>Beställning {number} makulerad.</translation>
    </message>
    <message>
        <source>Purchase orders created: {list}.</source>
        <translation>Inköpsorder skapade: {list}.</translation>
    </message>
    <message>
        <source>Purchase order {number} opened for printing.</source>
        <translation>Inköpsorder {number} har öppnats för utskrift.</translation>
    </message>
</context>
<context>
    <name>OrderTab</name>
    <message>
        <source>New order</source>
        <translation>Ny beställning</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Sök beställning</translation>
    </message>
    <message>
        <source>Goods receipt</source>
        <translation>Kvittera</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Avgifter</translation>
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
        <source>Print &amp;loan agreement…</source>
        <translation>Skriv ut låne&amp;förbindelse…</translation>
    </message>
    <message>
        <source>&amp;New order for this patient</source>
        <translation>&amp;Ny beställning till patienten</translation>
    </message>
    <message>
        <source>M&amp;ore</source>
        <translation>M&amp;er</translation>
    </message>
    <message>
        <source>Report lost or stolen…</source>
        <translation>Anmäl förlorat eller stulet…</translation>
    </message>
    <message>
        <source>Change of recipient…</source>
        <translation>Byte av mottagare…</translation>
    </message>
    <message>
        <source>Moving out of the region…</source>
        <translation>Flyttar från regionen…</translation>
    </message>
    <message>
        <source>Print aid list…</source>
        <translation>Skriv ut hjälpmedelslista…</translation>
    </message>
    <message>
        <source>Choose an aid</source>
        <translation>Välj ett hjälpmedel</translation>
    </message>
    <message>
        <source>Choose one individually marked aid in &quot;Aids held&quot; first.</source>
        <translation>Välj först ett individmärkt hjälpmedel under ”Hjälpmedel”.</translation>
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
    <message numerus="yes">
        <source>Print a loan agreement for the %n selected aid(s).</source>
        <translation>
            <numerusform>Skriv ut en låneförbindelse för %n markerat hjälpmedel.</numerusform>
            <numerusform>Skriv ut en låneförbindelse för %n markerade hjälpmedel.</numerusform>
        </translation>
    </message>
    <message>
        <source>The patient is deceased: no new orders; the aids held must be returned.</source>
        <translation>Patienten är avliden: inga nya beställningar; patientens hjälpmedel ska återlämnas.</translation>
    </message>
    <message>
        <source>The patient is inactive: no new orders. Contact the aid centre.</source>
        <translation>Patienten är inaktiv: inga nya beställningar. Kontakta Hjälpmedelscentralen.</translation>
    </message>
    <message>
        <source>Print a loan agreement for every aid held; select rows to print only those.</source>
        <translation>Skriv ut en låneförbindelse för alla hjälpmedel patienten har; markera rader för att bara skriva ut dem.</translation>
    </message>
    <message>
        <source>New &amp;activity…</source>
        <extracomment>R41–R43: (what, the chosen aid&apos;s individual number or the patient&apos;s id), see ``ui.life_events``.</extracomment>
        <translation>Ny &amp;aktivitet…</translation>
    </message>
    <message>
        <source>A warranty repair, an installation or an outside-assortment application for this patient.</source>
        <translation>En garantireparation, en installation eller en ansökan utanför sortiment för patienten.</translation>
    </message>
    <message>
        <source>The patient holds no aids, so there is nothing to lend.</source>
        <translation>Patienten har inga hjälpmedel, så det finns inget att låna ut.</translation>
    </message>
    <message>
        <source>Start an order with this patient as recipient.</source>
        <translation>Påbörja en beställning med den här patienten som mottagare.</translation>
    </message>
    <message>
        <source>&amp;Return…</source>
        <translation>&amp;Retur…</translation>
    </message>
    <message>
        <source>Return all aids…</source>
        <translation>Returnera alla hjälpmedel…</translation>
    </message>
    <message>
        <source>Return the selected aids, or choose among all aids held in the wizard.</source>
        <translation>Returnera de markerade hjälpmedlen, eller välj bland alla utlämnade hjälpmedel i guiden.</translation>
    </message>
    <message>
        <source>The patient holds no aids.</source>
        <translation>Patienten har inga hjälpmedel.</translation>
    </message>
    <message>
        <source>(individual {number})</source>
        <translation>(individ {number})</translation>
    </message>
    <message>
        <source>pickup order registered</source>
        <translation>hämtorder registrerad</translation>
    </message>
    <message>
        <source>The patient is deceased: these aids must be returned.</source>
        <translation>Patienten är avliden: dessa hjälpmedel ska returneras.</translation>
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
    <message>
        <source>Making the loan agreement…</source>
        <translation>Skapar låneförbindelsen…</translation>
    </message>
    <message>
        <source>Loan agreement saved as {name}.</source>
        <translation>Låneförbindelsen sparades som {name}.</translation>
    </message>
    <message>
        <source>Loan agreement</source>
        <translation>Låneförbindelse</translation>
    </message>
</context>
<context>
    <name>PauseChargerDialog</name>
    <message>
        <source>Pause charger invoice</source>
        <extracomment>The default period: this month and the next three (a charger received now is billed within it).</extracomment>
        <translation>Pausa faktura för laddare</translation>
    </message>
    <message>
        <source>Scan or type the charger&apos;s individual number, then Enter</source>
        <translation>Skanna eller skriv laddarens individnummer, tryck sedan Enter</translation>
    </message>
    <message>
        <source>Pause invoice</source>
        <translation>Pausa faktura</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Individual number</source>
        <translation>Individnummer</translation>
    </message>
    <message>
        <source>Paused until</source>
        <translation>Pausad till</translation>
    </message>
    <message>
        <source>When a fitting takes longer than 90 days, the charger&apos;s invoice can be paused up to two weeks before it goes out. It then goes out the first working day of a month after the pause.</source>
        <translation>När en utprovning tar längre tid än 90 dagar kan laddarens faktura pausas fram till två veckor innan den skickas. Den skickas då första vardagen i en månad efter pausen.</translation>
    </message>
    <message>
        <source>the charger&apos;s individual number field</source>
        <translation>fältet för laddarens individnummer</translation>
    </message>
    <message>
        <source>Scan or type the charger&apos;s individual number.</source>
        <translation>Skanna eller skriv laddarens individnummer.</translation>
    </message>
    <message>
        <source>{article} for {patient}: {amount} kr, goes out {bill_on}.</source>
        <translation>{article} till {patient}: {amount} kr, skickas {bill_on}.</translation>
    </message>
</context>
<context>
    <name>PrintLabelsDialog</name>
    <message>
        <source>Print labels</source>
        <extracomment>The page each layout is made for, until the clerk has chosen another in the print dialog.</extracomment>
        <translation>Skriv ut etiketter</translation>
    </message>
    <message>
        <source>Label printer: one 62 × 29 mm label a page</source>
        <translation>Etikettskrivare: en etikett 62 × 29 mm per sida</translation>
    </message>
    <message>
        <source>A4 sheet: 24 labels of 70 × 37 mm a page</source>
        <translation>A4-ark: 24 etiketter 70 × 37 mm per sida</translation>
    </message>
    <message>
        <source>Preparing the labels…</source>
        <translation>Etiketterna förbereds…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Spara som PDF</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Skriv ut…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message numerus="yes">
        <source>%n labels</source>
        <translation>
            <numerusform>%n etikett</numerusform>
            <numerusform>%n etiketter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pages</source>
        <translation>
            <numerusform>%n sida</numerusform>
            <numerusform>%n sidor</numerusform>
        </translation>
    </message>
    <message>
        <source>The printer could not be started; check that it is on and try again.</source>
        <translation>Skrivaren kunde inte startas; kontrollera att den är på och försök igen.</translation>
    </message>
    <message numerus="yes">
        <source>%n labels sent to the printer.</source>
        <translation>
            <numerusform>%n etikett skickad till skrivaren.</numerusform>
            <numerusform>%n etiketter skickade till skrivaren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved as {path}.</source>
        <translation>Sparad som {path}.</translation>
    </message>
    <message>
        <source>individual-labels</source>
        <translation>individetiketter</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Print</source>
        <translation>Skriv ut</translation>
    </message>
</context>
<context>
    <name>ReceiptPage</name>
    <message>
        <source>Purchase number or order number from the delivery note — scan or type, then Enter</source>
        <translation>Inköpsnummer eller beställningsnummer från följesedeln – skanna eller skriv, tryck sedan Enter</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>Unreceived deliveries</source>
        <extracomment>The individuals of the last receipt, for their labels.</extracomment>
        <translation>Okvitterade leveranser</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planerad</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Beställning</translation>
    </message>
    <message>
        <source>Purchase order</source>
        <translation>Inköpsorder</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Leverantör</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Avser</translation>
    </message>
    <message>
        <source>Orderer</source>
        <translation>Beställare</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Rader</translation>
    </message>
    <message>
        <source>Own stock (replenishment)</source>
        <translation>Eget förråd (lagerpåfyllnad)</translation>
    </message>
    <message>
        <source>{name} (protected identity)</source>
        <translation>{name} (skyddad identitet)</translation>
    </message>
    <message>
        <source>Scan a number or pick a delivery from the list.</source>
        <translation>Skanna ett nummer eller välj en leverans i listan.</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Markera alla</translation>
    </message>
    <message>
        <source>Delivery note number (optional)</source>
        <translation>Följesedelsnummer (frivilligt)</translation>
    </message>
    <message>
        <source>Receive ticked lines</source>
        <translation>Kvittera markerade rader</translation>
    </message>
    <message>
        <source>Cancel ticked lines</source>
        <translation>Makulera markerade rader</translation>
    </message>
    <message>
        <source>Purchase or order number:</source>
        <translation>Inköps- eller beställningsnummer:</translation>
    </message>
    <message>
        <source>the purchase or order number field</source>
        <translation>fältet för inköps- eller beställningsnummer</translation>
    </message>
    <message>
        <source>the goods receipt page</source>
        <translation>kvitteringssidan</translation>
    </message>
    <message>
        <source>Unreceived deliveries of {location}</source>
        <translation>Okvitterade leveranser för {location}</translation>
    </message>
    <message>
        <source>Replenishment of own stock</source>
        <translation>Lagerpåfyllnad av eget förråd</translation>
    </message>
    <message>
        <source>Patient: {name} (protected identity)</source>
        <translation>Patient: {name} (skyddad identitet)</translation>
    </message>
    <message>
        <source>Patient: {name}</source>
        <translation>Patient: {name}</translation>
    </message>
    <message>
        <source>Order {number} · purchase order {purchase} · {suppliers}</source>
        <translation>Beställning {number} · inköpsorder {purchase} · {suppliers}</translation>
    </message>
    <message>
        <source>Ordered by {name} · planned delivery {day}</source>
        <translation>Beställd av {name} · planerad leverans {day}</translation>
    </message>
    <message>
        <source>The box&apos;s code names line {line} ({article}); scan its serial number or its UDI code.</source>
        <translation>Kartongens kod hör till rad {line} ({article}); skanna dess serienummer eller dess UDI-kod.</translation>
    </message>
    <message>
        <source>Find the delivery first (scan its purchase or order number), then scan the boxes.</source>
        <translation>Hämta leveransen först (skanna dess inköps- eller beställningsnummer), skanna sedan kartongerna.</translation>
    </message>
    <message>
        <source>This box&apos;s code carries no serial number: type the serial number.</source>
        <translation>Kartongens kod har inget serienummer: skriv serienumret.</translation>
    </message>
    <message>
        <source>No line of this delivery is for the article with GTIN {gtin}.</source>
        <translation>Ingen rad i leveransen gäller artikeln med GTIN {gtin}.</translation>
    </message>
    <message>
        <source>Every unit of line {line} already has a serial number.</source>
        <translation>Varje enhet på rad {line} har redan ett serienummer.</translation>
    </message>
    <message>
        <source>Tick the lines that were delivered.</source>
        <translation>Markera de rader som har levererats.</translation>
    </message>
    <message numerus="yes">
        <source>Received %n lines of order {number}.</source>
        <translation>
            <numerusform>Kvitterade %n rad i beställning {number}.</numerusform>
            <numerusform>Kvitterade %n rader i beställning {number}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Print labels for the %n received individuals…</source>
        <translation>
            <numerusform>Skriv ut etikett för den mottagna individen…</numerusform>
            <numerusform>Skriv ut etiketter för de %n mottagna individerna…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n ticked lines of order {number}? They cannot be received afterwards, and you must tell the supplier yourself.</source>
        <translation>
            <numerusform>Vill du makulera %n markerad rad i beställning {number}? Den kan inte kvitteras efteråt, och du måste själv meddela leverantören.</numerusform>
            <numerusform>Vill du makulera %n markerade rader i beställning {number}? De kan inte kvitteras efteråt, och du måste själv meddela leverantören.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n lines of order {number}.</source>
        <translation>
            <numerusform>Makulerade %n rad i beställning {number}.</numerusform>
            <numerusform>Makulerade %n rader i beställning {number}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel lines</source>
        <translation>Makulera rader</translation>
    </message>
</context>
<context>
    <name>RecentScansDialog</name>
    <message>
        <source>Recent scans</source>
        <translation>Senaste skanningar</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation>Skannat</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Tolkat som</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Vad som hände</translation>
    </message>
    <message>
        <source>The last {count} scans of this session, newest first. Identity numbers are not shown.</source>
        <translation>De senaste {count} skanningarna sedan programmet startade, nyaste först. Personnummer visas inte.</translation>
    </message>
</context>
<context>
    <name>RecipientBox</name>
    <message>
        <source>Recipient and order</source>
        <translation>Mottagare och beställning</translation>
    </message>
    <message>
        <source>Identity number of the recipient — type or scan, Enter</source>
        <translation>Mottagarens personnummer – skriv eller skanna, Enter</translation>
    </message>
    <message>
        <source>The aid service</source>
        <translation>Hjälpmedelsverksamheten</translation>
    </message>
    <message>
        <source>Own stock</source>
        <translation>Eget förråd</translation>
    </message>
    <message>
        <source>New patient carts start as a prescription delivered from here (your own setting).</source>
        <translation>Nya varukorgar för patienter börjar som förskrivning med leverans härifrån (din egen inställning).</translation>
    </message>
    <message>
        <source>You, or a prescriber linked to you when you order in their name.</source>
        <translation>Du själv, eller en förskrivare som är kopplad till dig när du beställer i dennes namn.</translation>
    </message>
    <message>
        <source>the recipient&apos;s identity number field</source>
        <translation>fältet för mottagarens personnummer</translation>
    </message>
    <message>
        <source>&amp;Identity number:</source>
        <translation>Person&amp;nummer:</translation>
    </message>
    <message>
        <source>Order &amp;kind:</source>
        <translation>Beställningst&amp;yp:</translation>
    </message>
    <message>
        <source>&amp;Prescriber:</source>
        <translation>&amp;Förskrivare:</translation>
    </message>
    <message>
        <source>My default: deliver from</source>
        <translation>Mitt förval: leverans från</translation>
    </message>
    <message>
        <source>— choose the prescriber —</source>
        <translation>– välj förskrivare –</translation>
    </message>
    <message>
        <source>No cart open: scan the recipient&apos;s identity number, or choose a replenishment.</source>
        <translation>Ingen varukorg är öppen: skanna mottagarens personnummer eller välj lagerpåfyllnad.</translation>
    </message>
    <message>
        <source>Service location: {name}</source>
        <translation>Tjänsteställe: {name}</translation>
    </message>
    <message>
        <source>none (a private clinic holds no stock)</source>
        <translation>inget (en privat mottagning har inget lager)</translation>
    </message>
    <message>
        <source>Replenishment of own stock {stock} — {where}</source>
        <translation>Lagerpåfyllnad av eget förråd {stock} – {where}</translation>
    </message>
    <message>
        <source>{identity}  {name}, {age} years — {where}</source>
        <translation>{identity}  {name}, {age} år – {where}</translation>
    </message>
    <message>
        <source>(protected identity: deliveries go to the prescribing unit)</source>
        <translation>(skyddad identitet: leveranser går till förskrivande enhet)</translation>
    </message>
</context>
<context>
    <name>RecipientChangeDialog</name>
    <message>
        <source>Change of recipient</source>
        <translation>Byte av mottagare</translation>
    </message>
    <message>
        <source>Individual {number} goes straight to another patient, without passing the central warehouse. The first patient&apos;s record lists it as returned.</source>
        <translation>Individ {number} går direkt till en annan patient utan att passera centrallagret. Den första patientens journal visar det som återlämnat.</translation>
    </message>
    <message>
        <source>Identity number or name of the new recipient</source>
        <translation>Personnummer eller namn på den nya mottagaren</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Benämning</translation>
    </message>
    <message>
        <source>Identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>I confirm that the aid has been checked and has full function</source>
        <translation>Jag bekräftar att hjälpmedlet är kontrollerat och har full funktion</translation>
    </message>
    <message>
        <source>Why the aid changes recipient (optional)</source>
        <translation>Varför hjälpmedlet byter mottagare (frivilligt)</translation>
    </message>
    <message>
        <source>&amp;Change recipient</source>
        <translation>&amp;Byt mottagare</translation>
    </message>
    <message>
        <source>New recipient:</source>
        <translation>Ny mottagare:</translation>
    </message>
    <message>
        <source>Individual {number} now belongs to {patient}.</source>
        <translation>Individ {number} tillhör nu {patient}.</translation>
    </message>
</context>
<context>
    <name>RenumberDialog</name>
    <message>
        <source>Change of individual number</source>
        <translation>Byte av individnummer</translation>
    </message>
    <message>
        <source>Individual {number}: {article}</source>
        <translation>Individ {number}: {article}</translation>
    </message>
    <message>
        <source>I confirm that this is the individual that is to get the new number</source>
        <translation>Jag bekräftar att detta är den individ som ska byta nummer</translation>
    </message>
    <message>
        <source>The new individual number, as on the label</source>
        <translation>Det nya individnumret, som på etiketten</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsätt</translation>
    </message>
    <message>
        <source>New individual number:</source>
        <translation>Nytt individnummer:</translation>
    </message>
    <message>
        <source>the new individual number</source>
        <translation>det nya individnumret</translation>
    </message>
</context>
<context>
    <name>ReturnSearchDialog</name>
    <message>
        <source>Pickup order</source>
        <translation>Hämtorder</translation>
    </message>
    <message>
        <source>Search returns</source>
        <extracomment>An aid-centre user closes pickup orders (R28); known once the roles are read.</extracomment>
        <translation>Sök returer</translation>
    </message>
    <message>
        <source>the return number field</source>
        <translation>returnummerfältet</translation>
    </message>
    <message>
        <source>Number (8 digits) — Enter</source>
        <translation>Nummer (8 siffror) – Enter</translation>
    </message>
    <message>
        <source>All service locations</source>
        <translation>Alla tjänsteställen</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Sök</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrerad</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Service location</source>
        <translation>Tjänsteställe</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Av</translation>
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
        <source>Note</source>
        <translation>Anmärkning</translation>
    </message>
    <message>
        <source>Aid</source>
        <translation>Hjälpmedel</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>Varför inte</translation>
    </message>
    <message>
        <source>No checklist was kept with this return.</source>
        <translation>Ingen checklista sparades med denna retur.</translation>
    </message>
    <message>
        <source>&amp;Print the document again</source>
        <translation>Skriv &amp;ut dokumentet igen</translation>
    </message>
    <message>
        <source>&amp;Cancel pickup order</source>
        <translation>&amp;Makulera hämtorder</translation>
    </message>
    <message>
        <source>C&amp;lose pickup order</source>
        <translation>A&amp;vsluta hämtorder</translation>
    </message>
    <message>
        <source>The central warehouse has taken the aids in (aid centre only).</source>
        <translation>Centrallagret har tagit emot hjälpmedlen (endast hjälpmedelscentralen).</translation>
    </message>
    <message>
        <source>infection, cleaned</source>
        <translation>smitta, rengjort</translation>
    </message>
    <message>
        <source>incident: blocked</source>
        <translation>incident: spärrat</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Nummer:</translation>
    </message>
    <message>
        <source>Service &amp;location:</source>
        <translation>&amp;Tjänsteställe:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Från:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>T&amp;ill:</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retur</translation>
    </message>
    <message>
        <source>Aids:</source>
        <translation>Hjälpmedel:</translation>
    </message>
    <message>
        <source>Checklist:</source>
        <translation>Checklista:</translation>
    </message>
    <message>
        <source>Type the whole number: 8 digits (year, week, running number).</source>
        <translation>Skriv hela numret: 8 siffror (år, vecka, löpnummer).</translation>
    </message>
    <message numerus="yes">
        <source>%n return(s), newest first.</source>
        <translation>
            <numerusform>%n retur, senaste först.</numerusform>
            <numerusform>%n returer, senaste först.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a return in the list.</source>
        <translation>Välj en retur i listan.</translation>
    </message>
    <message>
        <source>{kind} {number}</source>
        <translation>{kind} {number}</translation>
    </message>
    <message>
        <source>Registered {date} by {user}, {location}</source>
        <translation>Registrerad {date} av {user}, {location}</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>Taken in by the central warehouse {date}</source>
        <translation>Mottagen av centrallagret {date}</translation>
    </message>
    <message>
        <source>Supplier: {supplier}</source>
        <translation>Leverantör: {supplier}</translation>
    </message>
    <message>
        <source>Patient: {patient}</source>
        <translation>Patient: {patient}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Orsak: {reason}</translation>
    </message>
    <message>
        <source>Comment: {comment}</source>
        <translation>Kommentar: {comment}</translation>
    </message>
    <message>
        <source>The document was saved and opened.</source>
        <translation>Dokumentet sparades och öppnades.</translation>
    </message>
    <message>
        <source>Cancel pickup order</source>
        <translation>Makulera hämtorder</translation>
    </message>
    <message>
        <source>Cancel pickup order {number}? The aids stay with the patient.</source>
        <translation>Makulera hämtorder {number}? Hjälpmedlen blir kvar hos patienten.</translation>
    </message>
</context>
<context>
    <name>ReturnWizard</name>
    <message>
        <source>{article} ({individual})</source>
        <translation>{article} ({individual})</translation>
    </message>
    <message>
        <source>{article} ({quantity} pcs)</source>
        <translation>{article} ({quantity} st)</translation>
    </message>
    <message>
        <source>Return of aids</source>
        <translation>Retur av hjälpmedel</translation>
    </message>
    <message>
        <source>Close (keep as draft)</source>
        <translation>Stäng (spara som utkast)</translation>
    </message>
    <message>
        <source>the return wizard</source>
        <translation>returguiden</translation>
    </message>
    <message>
        <source>Resume the return?</source>
        <translation>Fortsätta returen?</translation>
    </message>
    <message>
        <source>A return begun earlier was closed before it was registered. Resume it with its answers?</source>
        <translation>En retur som påbörjades tidigare stängdes innan den registrerades. Fortsätta den med dess svar?</translation>
    </message>
</context>
<context>
    <name>Returns</name>
    <message>
        <source>To the central warehouse by post, with a pickup order</source>
        <extracomment>Where the aids go, as the wizard offers it (a longer phrase than the lists&apos; name).</extracomment>
        <translation>Till centrallagret med post, med hämtorder</translation>
    </message>
    <message>
        <source>To our own stock</source>
        <translation>Till vårt eget förråd</translation>
    </message>
    <message>
        <source>To the supplier for credit</source>
        <translation>Till leverantören för kreditering</translation>
    </message>
</context>
<context>
    <name>ScanRouter</name>
    <message>
        <source>UDI code (GS1)</source>
        <extracomment>How long the status bar shows a scan&apos;s reading.</extracomment>
        <translation>UDI-kod (GS1)</translation>
    </message>
    <message>
        <source>GTIN (article code on the box)</source>
        <translation>GTIN (artikelkod på kartongen)</translation>
    </message>
    <message>
        <source>HIBC code</source>
        <translation>HIBC-kod</translation>
    </message>
    <message>
        <source>identity number</source>
        <translation>personnummer</translation>
    </message>
    <message>
        <source>reserve number</source>
        <translation>reservnummer</translation>
    </message>
    <message>
        <source>order or document number</source>
        <translation>beställnings- eller dokumentnummer</translation>
    </message>
    <message>
        <source>article number</source>
        <translation>artikelnummer</translation>
    </message>
    <message>
        <source>individual number</source>
        <translation>individnummer</translation>
    </message>
    <message>
        <source>serial number</source>
        <translation>serienummer</translation>
    </message>
    <message>
        <source>SIP number</source>
        <translation>SIP-nummer</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>oläsbar</translation>
    </message>
    <message>
        <source>unknown kind of code</source>
        <translation>okänd sorts kod</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Skanner</translation>
    </message>
    <message>
        <source>Unreadable: {sentence}</source>
        <translation>Oläsbar: {sentence}</translation>
    </message>
    <message>
        <source>Taken by {what}</source>
        <translation>Togs emot av {what}</translation>
    </message>
    <message>
        <source>the field in use</source>
        <translation>fältet som används</translation>
    </message>
    <message>
        <source>{code}: the open dialog does not take this code; close it to look the code up.</source>
        <translation>{code}: den öppna dialogrutan tar inte emot den här koden; stäng den för att slå upp koden.</translation>
    </message>
    <message>
        <source>Not looked up: a dialog was open</source>
        <translation>Inte uppslagen: en dialogruta var öppen</translation>
    </message>
    <message>
        <source>Not looked up: the program is still starting</source>
        <translation>Inte uppslagen: programmet startar fortfarande</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Slår upp…</translation>
    </message>
    <message>
        <source>{code}: {text}</source>
        <translation>{code}: {text}</translation>
    </message>
    <message>
        <source>Nothing in the database has this code.</source>
        <translation>Inget i databasen har den här koden.</translation>
    </message>
    <message>
        <source>Not found: {sentence}</source>
        <translation>Hittades inte: {sentence}</translation>
    </message>
    <message>
        <source>Not looked up: {sentence}</source>
        <translation>Inte uppslagen: {sentence}</translation>
    </message>
    <message>
        <source>Opened in the Individual tab</source>
        <translation>Öppnad under fliken Individ</translation>
    </message>
    <message>
        <source>Patient record opened</source>
        <translation>Patientens journal öppnad</translation>
    </message>
    <message>
        <source>Opened in the returns search</source>
        <translation>Öppnad i sök returer</translation>
    </message>
    <message>
        <source>Activity opened</source>
        <translation>Aktiviteten öppnad</translation>
    </message>
    <message>
        <source>Opened in the goods receipt</source>
        <translation>Öppnad i kvitteringen</translation>
    </message>
    <message>
        <source>Shown in the Orders page</source>
        <translation>Visad under Sök beställning</translation>
    </message>
    <message>
        <source>Shown in the Stock tab</source>
        <translation>Visad under fliken Lager</translation>
    </message>
</context>
<context>
    <name>ScannerSettingsDialog</name>
    <message>
        <source>Scanner settings</source>
        <translation>Skannerinställningar</translation>
    </message>
    <message>
        <source>A handheld scanner types much faster than a person. A row of characters that comes this fast is taken for a scan and goes where the code belongs, not into the field you are in.</source>
        <translation>En handskanner skriver mycket snabbare än en människa. Tecken som kommer så här snabbt i följd tas som en skanning och hamnar där koden hör hemma, inte i fältet du står i.</translation>
    </message>
    <message>
        <source>&amp;Recognise scans</source>
        <translation>&amp;Känn igen skanningar</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>&amp;Longest gap between two characters:</source>
        <translation>&amp;Längsta paus mellan två tecken:</translation>
    </message>
    <message>
        <source>&amp;Fewest characters in a scan:</source>
        <translation>&amp;Minsta antal tecken i en skanning:</translation>
    </message>
    <message>
        <source>&amp;Wait for Enter or Tab after the last character:</source>
        <translation>&amp;Vänta på Enter eller Tabb efter sista tecknet:</translation>
    </message>
    <message>
        <source>The same code again &amp;within this time is read once:</source>
        <translation>Samma kod igen &amp;inom denna tid läses en gång:</translation>
    </message>
    <message>
        <source>Test your scanner</source>
        <translation>Prova din skanner</translation>
    </message>
    <message>
        <source>Click in the field below and scan a label: it shows what the scanner sends.</source>
        <translation>Klicka i fältet nedan och skanna en etikett: där syns vad skannern skickar.</translation>
    </message>
    <message>
        <source>Scan here</source>
        <translation>Skanna här</translation>
    </message>
    <message>
        <source>Ends with:</source>
        <translation>Slutar med:</translation>
    </message>
    <message>
        <source>Group separator:</source>
        <translation>Gruppavgränsare:</translation>
    </message>
    <message>
        <source>Characters:</source>
        <translation>Tecken:</translation>
    </message>
    <message>
        <source>Time between keys:</source>
        <translation>Tid mellan tangenter:</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabb</translation>
    </message>
    <message>
        <source>nothing (a pause)</source>
        <translation>ingenting (en paus)</translation>
    </message>
    <message>
        <source>ASCII 29</source>
        <translation>ASCII 29</translation>
    </message>
    <message>
        <source>Ctrl+]</source>
        <translation>Ctrl+]</translation>
    </message>
    <message>
        <source>Alt+029 on the numeric keypad</source>
        <translation>Alt+029 på det numeriska tangentbordet</translation>
    </message>
    <message>
        <source>{forms} ({count} in the code)</source>
        <translation>{forms} ({count} i koden)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>shortest {low} ms, median {median} ms, longest {high} ms</source>
        <translation>kortast {low} ms, median {median} ms, längst {high} ms</translation>
    </message>
    <message>
        <source>With these settings this is read as a scan.</source>
        <translation>Med dessa inställningar läses detta som en skanning.</translation>
    </message>
    <message>
        <source>Scans are not recognised: every key goes into the field you are in.</source>
        <translation>Skanningar känns inte igen: varje tangent hamnar i fältet du står i.</translation>
    </message>
    <message>
        <source>Not read as a scan: it has keys that are no characters (arrows, function keys).</source>
        <translation>Läses inte som en skanning: den har tangenter som inte är tecken (pilar, funktionstangenter).</translation>
    </message>
    <message>
        <source>Not read as a scan: it has fewer characters than the fewest allowed.</source>
        <translation>Läses inte som en skanning: den har färre tecken än det minsta tillåtna.</translation>
    </message>
    <message>
        <source>Not read as a scan: {gap} ms between two keys is more than the longest gap allowed.</source>
        <translation>Läses inte som en skanning: {gap} ms mellan två tangenter är mer än den längsta tillåtna pausen.</translation>
    </message>
    <message>
        <source>Not read as a scan.</source>
        <translation>Läses inte som en skanning.</translation>
    </message>
    <message>
        <source>Not read as a scan: Enter or Tab came later than the wait allows.</source>
        <translation>Läses inte som en skanning: Enter eller Tabb kom senare än väntetiden tillåter.</translation>
    </message>
    <message>
        <source>The settings apply now, but they could not be kept for the next start: the data folder cannot be written.</source>
        <translation>Inställningarna gäller nu, men de kunde inte sparas till nästa start: det går inte att skriva i datamappen.</translation>
    </message>
</context>
<context>
    <name>SendBar</name>
    <message>
        <source>&amp;Send order</source>
        <translation>&amp;Skicka beställning</translation>
    </message>
    <message>
        <source>Send the order (Ctrl+Enter)</source>
        <translation>Skicka beställningen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Order {number} sent.</source>
        <translation>Beställning {number} skickad.</translation>
    </message>
    <message>
        <source>Create purchase orders</source>
        <translation>Skapa inköpsorder</translation>
    </message>
    <message>
        <source>Order {number} goes through warehouse 750. Create purchase orders now? You then make sure each supplier gets its purchase order.</source>
        <translation>Beställning {number} går via lager 750. Vill du skapa inköpsorder nu? Du ser sedan till att varje leverantör får sin inköpsorder.</translation>
    </message>
    <message>
        <source>Purchase orders can be created later on the Orders page.</source>
        <translation>Inköpsorder kan skapas senare på sidan Sök beställning.</translation>
    </message>
    <message>
        <source>Purchase orders created: {list}.</source>
        <translation>Inköpsorder skapade: {list}.</translation>
    </message>
    <message>
        <source>Purchase orders created</source>
        <translation>Inköpsorder skapade</translation>
    </message>
    <message>
        <source>{text} Open them as PDF now to print? Send each to its supplier by letter or e-mail.</source>
        <translation>{text} Vill du öppna dem som PDF nu för utskrift? Skicka var och en till sin leverantör per brev eller e-post.</translation>
    </message>
    <message>
        <source>Loan agreement</source>
        <translation>Låneförbindelse</translation>
    </message>
    <message>
        <source>The aids were handed out. Print the loan agreement now for the patient to sign?</source>
        <translation>Hjälpmedlen har lämnats ut. Vill du skriva ut låneförbindelsen nu så att patienten kan skriva under?</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>Change user or service location</source>
        <translation>Byt användare eller tjänsteställe</translation>
    </message>
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
        <source>&amp;Change</source>
        <translation>&amp;Byt</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Avbryt</translation>
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
    <name>StockTab</name>
    <message>
        <source>Article: name, supplier, supplier&apos;s or our article number — empty for all</source>
        <extracomment>A scanned article the next list selects (its ledger already shown).</extracomment>
        <translation>Benämning, leverantör eller artikelnummer — tomt för alla</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alla typer</translation>
    </message>
    <message>
        <source>Assortment only</source>
        <translation>Endast sortiment</translation>
    </message>
    <message>
        <source>Articles in the warehouse</source>
        <translation>Artiklar i lagret</translation>
    </message>
    <message>
        <source>Balance above zero</source>
        <translation>Saldo över noll</translation>
    </message>
    <message>
        <source>Zero balance</source>
        <translation>Saldo noll</translation>
    </message>
    <message>
        <source>Below the reorder level</source>
        <translation>Under beställningspunkt</translation>
    </message>
    <message>
        <source>Negative balance</source>
        <translation>Negativt saldo</translation>
    </message>
    <message>
        <source>All articles of the catalogue</source>
        <translation>Alla artiklar i katalogen</translation>
    </message>
    <message>
        <source>Stock balance &amp;report (PDF)</source>
        <translation>Lagersaldo&amp;rapport (PDF)</translation>
    </message>
    <message>
        <source>&amp;Print report…</source>
        <translation>Skriv &amp;ut rapport…</translation>
    </message>
    <message>
        <source>All ISO codes</source>
        <translation>Alla ISO-koder</translation>
    </message>
    <message>
        <source>Article no.</source>
        <translation>Artikelnr</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Benämning</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Reorder level</source>
        <translation>Beställningspunkt</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Leverantör</translation>
    </message>
    <message>
        <source>Supplier&apos;s no.</source>
        <translation>Lev. artikelnr</translation>
    </message>
    <message>
        <source>ISO code</source>
        <translation>ISO-kod</translation>
    </message>
    <message>
        <source>Choose an article to see its ledger.</source>
        <translation>Välj en artikel för att se dess lagerhändelser.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individ</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>&amp;Warehouse:</source>
        <translation>&amp;Lager:</translation>
    </message>
    <message>
        <source>Counting the articles found…</source>
        <translation>Räknar artiklarna som hittades…</translation>
    </message>
    <message>
        <source>No article found.</source>
        <translation>Ingen artikel hittades.</translation>
    </message>
    <message numerus="yes">
        <source>%n articles found, showing the first {count}; add a word or choose an ISO code to narrow.</source>
        <translation>
            <numerusform>%n artikel hittades, de första {count} visas; lägg till ett ord eller välj en ISO-kod för att begränsa.</numerusform>
            <numerusform>%n artiklar hittades, de första {count} visas; lägg till ett ord eller välj en ISO-kod för att begränsa.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n articles found.</source>
        <translation>
            <numerusform>%n artikel hittades.</numerusform>
            <numerusform>%n artiklar hittades.</numerusform>
        </translation>
    </message>
    <message>
        <source>This warehouse shows no balance.</source>
        <translation>Det här lagret visar inget saldo.</translation>
    </message>
    <message numerus="yes">
        <source>Ledger of {number} {name} in {warehouse}: %n movements</source>
        <translation>
            <numerusform>Lagerhändelser för {number} {name} i {warehouse}: %n händelse</numerusform>
            <numerusform>Lagerhändelser för {number} {name} i {warehouse}: %n händelser</numerusform>
        </translation>
    </message>
    <message>
        <source>balance {balance}</source>
        <translation>saldo {balance}</translation>
    </message>
    <message>
        <source>(the newest {count} shown)</source>
        <translation>(de {count} senaste visas)</translation>
    </message>
    <message>
        <source>Making the stock balance report…</source>
        <translation>Lagersaldorapporten skapas…</translation>
    </message>
    <message>
        <source>The stock balance report was saved as {name}.</source>
        <translation>Lagersaldorapporten sparades som {name}.</translation>
    </message>
    <message>
        <source>Stock balance report {code}</source>
        <translation>Lagersaldorapport {code}</translation>
    </message>
    <message>
        <source>Nothing was printed.</source>
        <translation>Ingenting skrevs ut.</translation>
    </message>
    <message>
        <source>Printing the stock balance report…</source>
        <translation>Lagersaldorapporten skrivs ut…</translation>
    </message>
    <message>
        <source>The stock balance report was sent to the printer.</source>
        <translation>Lagersaldorapporten skickades till skrivaren.</translation>
    </message>
    <message>
        <source>The printer could not be opened; nothing was printed.</source>
        <translation>Skrivaren kunde inte öppnas; ingenting skrevs ut.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <source>Check the return: the button at the bottom registers it and opens its document.</source>
        <translation>Kontrollera returen: knappen längst ned registrerar den och öppnar dess dokument.</translation>
    </message>
    <message>
        <source>Create the pickup order</source>
        <translation>Skapa hämtordern</translation>
    </message>
    <message>
        <source>Return to own stock</source>
        <translation>Returnera till eget förråd</translation>
    </message>
    <message>
        <source>Return to the supplier</source>
        <translation>Returnera till leverantören</translation>
    </message>
    <message>
        <source>Where: {destination}</source>
        <translation>Vart: {destination}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Orsak: {reason}</translation>
    </message>
    <message>
        <source>Comment: {comment}</source>
        <translation>Kommentar: {comment}</translation>
    </message>
    <message>
        <source>Aids ({count}):</source>
        <translation>Hjälpmedel ({count}):</translation>
    </message>
    <message>
        <source>Not done: {point} ({reason})</source>
        <translation>Inte gjort: {point} ({reason})</translation>
    </message>
    <message>
        <source>Known infection: cleaned; protective clothing required.</source>
        <translation>Känd smitta: rengjort; skyddskläder krävs.</translation>
    </message>
    <message>
        <source>Incident: the aid is blocked for investigation.</source>
        <translation>Incident: hjälpmedlet spärras för utredning.</translation>
    </message>
    <message>
        <source>The pickup order is printed with the packing instructions: pack the aids in a padded envelope marked HÖRSEL with the pickup order and post it to the central warehouse. The aids stay on the patient&apos;s list until the central warehouse takes them in.</source>
        <translation>Hämtordern skrivs ut med packinstruktionen: lägg hjälpmedlen med hämtordern i ett vadderat kuvert märkt HÖRSEL och posta det till centrallagret. Hjälpmedlen ligger kvar på patientens lista tills centrallagret har tagit emot dem.</translation>
    </message>
    <message>
        <source>The aids go into our own stock at once and are listed under Returned; a return receipt is printed.</source>
        <translation>Hjälpmedlen går direkt in i vårt eget förråd och listas under Återlämnat; ett returkvitto skrivs ut.</translation>
    </message>
    <message>
        <source>The aids leave our own stock for the supplier; a return slip is printed to go with them.</source>
        <translation>Hjälpmedlen lämnar vårt eget förråd till leverantören; en retursedel skrivs ut att skicka med.</translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <source>Sync settings</source>
        <extracomment>Stores (address, workstation name, token) in the background, then calls the first callback when stored or the second with the clerk&apos;s sentence when refused.</extracomment>
        <translation>Synkinställningar</translation>
    </message>
    <message>
        <source>The administrator gives each workstation a name and a token. The token is kept in the system&apos;s key store (or a file only you can read).</source>
        <translation>Administratören ger varje arbetsstation ett namn och en nyckel (token). Nyckeln sparas i systemets nyckelring (eller i en fil som bara du kan läsa).</translation>
    </message>
    <message>
        <source>This workstation holds demo data: it cannot join the clinic&apos;s server, only a training server for demo data. To join the clinic&apos;s server, start a new workstation (an empty data folder) and choose to join.</source>
        <translation>Arbetsstationen har övningsdata: den kan inte anslutas till mottagningens server, bara till en övningsserver för övningsdata. Starta en ny arbetsstation (en tom datamapp) och välj att ansluta för att komma åt mottagningens server.</translation>
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
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n konflikt</numerusform>
            <numerusform>%n konflikter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused change(s)</source>
        <translation>
            <numerusform>%n avvisad ändring</numerusform>
            <numerusform>%n avvisade ändringar</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ No document numbers left</source>
        <translation>⚠ Inga dokumentnummer kvar</translation>
    </message>
    <message numerus="yes">
        <source>⚠ Running out of document numbers: %n left</source>
        <translation>
            <numerusform>⚠ Dokumentnumren håller på att ta slut: %n kvar</numerusform>
            <numerusform>⚠ Dokumentnumren håller på att ta slut: %n kvar</numerusform>
        </translation>
    </message>
    <message>
        <source>This workstation is running out of the numbers its orders, purchase orders and other documents get. Connect it to the network so it can fetch more before they run out; without a number no new document can be saved.</source>
        <translation>Arbetsstationen håller på att få slut på nummer till beställningar, inköpsorder och andra dokument. Anslut den till nätverket så att den kan hämta fler innan de tar slut; utan nummer kan inga nya dokument sparas.</translation>
    </message>
    <message>
        <source>Changes are kept here and sent when the server can be reached. Click to see conflicts and refused changes.</source>
        <translation>Ändringar sparas här och skickas när servern går att nå. Klicka för att se konflikter och avvisade ändringar.</translation>
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
        <source>Hearing Desk cannot write in its data folder {path} (it is read-only, full, or not a folder) and changed nothing there; ask IT support to make the folder writable.</source>
        <translation>Hearing Desk kan inte skriva i sin datamapp {path} (den är skrivskyddad, full eller ingen mapp) och har inte ändrat något där; be IT-supporten göra mappen skrivbar.</translation>
    </message>
    <message>
        <source>The database file {path} is empty (0 bytes), most likely from a copy or restore that failed, and was left as it is; ask IT support to restore it from the latest backup.</source>
        <translation>Databasfilen {path} är tom (0 byte), troligen efter en kopiering eller återställning som misslyckades, och har lämnats som den är; be IT-supporten återställa den från senaste säkerhetskopian.</translation>
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
        <source>Warehouse {kind} is missing; contact the aid centre.</source>
        <extracomment>How an order reaches the patient or clinic (R11). Stored as the key; the UI shows a translated label. Where an article line would come from: own stock for R10b/c, the central warehouse otherwise (its balance decides between 70 and 750, R10a); article search shows balances there. Lines go through warehouse 750 and no purchase order exists yet: offer &quot;create purchase orders&quot; (R14). Handed out at once (own stock, R10b/c): the loan agreement can be printed now. Why it cannot be cancelled (R16), a translatable template; &quot;&quot; when it can.</extracomment>
        <translation>Lager {kind} saknas; kontakta Hjälpmedelscentralen.</translation>
    </message>
    <message>
        <source>{location} holds no own stock: order from the aid service instead.</source>
        <translation>{location} har inget eget förråd: beställ från hjälpmedelsverksamheten i stället.</translation>
    </message>
    <message>
        <source>The order was not found; search for it again.</source>
        <extracomment>Loads an order&apos;s lines and their articles with it (two queries instead of one per line).</extracomment>
        <translation>Beställningen hittades inte; sök efter den igen.</translation>
    </message>
    <message>
        <source>Order {number} has already been sent; it can no longer be changed.</source>
        <translation>Beställning {number} är redan skickad; den kan inte längre ändras.</translation>
    </message>
    <message>
        <source>This order in progress belongs to {name}; start your own.</source>
        <translation>Den här pågående beställningen tillhör {name}; påbörja en egen.</translation>
    </message>
    <message>
        <source>The order line was not found; it may have been removed.</source>
        <translation>Beställningsraden hittades inte; den kan ha tagits bort.</translation>
    </message>
    <message>
        <source>The article was not found; search again.</source>
        <translation>Artikeln hittades inte; sök igen.</translation>
    </message>
    <message>
        <source>No valid LMA card is recorded: check the patient&apos;s LMA card before ordering.</source>
        <translation>Inget giltigt LMA-kort är registrerat: kontrollera patientens LMA-kort innan du beställer.</translation>
    </message>
    <message>
        <source>An adult with a reserve number only gets aids for needs that cannot wait: the prescriber must record the reason first.</source>
        <translation>En vuxen med reservnummer får bara hjälpmedel för behov som inte kan anstå: förskrivaren måste först dokumentera skälet.</translation>
    </message>
    <message>
        <source>{article} for a patient registered in {region} needs the home region&apos;s payment commitment: store it first.</source>
        <translation>{article} till en patient folkbokförd i {region} kräver hemregionens betalningsförbindelse: spara den först.</translation>
    </message>
    <message>
        <source>A patient from {country} needs the required certificates recorded before any aid is handed out.</source>
        <translation>För en patient från {country} ska de intyg som krävs registreras innan något hjälpmedel lämnas ut.</translation>
    </message>
    <message>
        <source>The quantity must be between 1 and {most}.</source>
        <translation>Antalet måste vara mellan 1 och {most}.</translation>
    </message>
    <message>
        <source>{article} is a service: order it from the aid service.</source>
        <extracomment>How many devices of the order&apos;s individually marked articles are free at the central warehouse.</extracomment>
        <translation>{article} är en tjänst: beställ den från hjälpmedelsverksamheten.</translation>
    </message>
    <message>
        <source>{article} is individually marked: deliver it with &quot;Deliver an individual from own stock&quot; and scan its number.</source>
        <translation>{article} är individmärkt: lämna ut den med ”Individ från eget förråd” och skanna dess nummer.</translation>
    </message>
    <message>
        <source>Own stock holds {held} of {article}, fewer than the {wanted} asked for.</source>
        <translation>Eget förråd har {held} st av {article}, färre än de {wanted} som efterfrågas.</translation>
    </message>
    <message>
        <source>An individual delivery takes devices from own stock: scan the individual number.</source>
        <translation>En individleverans tar hjälpmedel från eget förråd: skanna individnumret.</translation>
    </message>
    <message>
        <source>{article} is no longer purchased: it can only be prescribed from own stock while own stock has a balance.</source>
        <translation>{article} köps inte längre in: den kan bara förskrivas från eget förråd så länge det finns saldo där.</translation>
    </message>
    <message>
        <source>{article} is a service: services are not kept in stock.</source>
        <translation>{article} är en tjänst: tjänster finns inte i lager.</translation>
    </message>
    <message>
        <source>A stock replenishment has no recipient.</source>
        <translation>En lagerpåfyllnad har ingen mottagare.</translation>
    </message>
    <message>
        <source>Give the recipient&apos;s identity number first.</source>
        <translation>Ange mottagarens personnummer först.</translation>
    </message>
    <message>
        <source>A stock replenishment has no recipient; a prescription needs one.</source>
        <translation>En lagerpåfyllnad har ingen mottagare; en förskrivning måste ha en.</translation>
    </message>
    <message>
        <source>Remove the lines first: an individual delivery cannot be mixed with other lines.</source>
        <translation>Ta bort raderna först: en individleverans kan inte blandas med andra rader.</translation>
    </message>
    <message>
        <source>You may only order in the name of a prescriber linked to you.</source>
        <translation>Du får bara beställa i namnet på en förskrivare som är kopplad till dig.</translation>
    </message>
    <message>
        <source>Scan or type the individual number.</source>
        <translation>Skanna eller skriv individnumret.</translation>
    </message>
    <message>
        <source>Article {number} was already counted: {quantity} by {who} at {when}. Say which count stands.</source>
        <extracomment>Where the seed tells a clinic to report an individual found after the inventory. What a count sheet lists (002: &quot;bara artikeltyperna huvudhjälpmedel, tillbehör och reservdelar&quot;). The ids of the rows a count writes are made from these names (uuid5), so two workstations make the same.</extracomment>
        <translation>Artikel {number} är redan räknad: {quantity} av {who} {when}. Ange vilken räkning som gäller.</translation>
    </message>
    <message>
        <source>Not every line of the count sheet has been counted ({count} left); the rest are booked as 0 if you close now.</source>
        <translation>Alla rader på inventeringsunderlaget har inte räknats ({count} kvar); de bokas som 0 om du avslutar nu.</translation>
    </message>
    <message>
        <source>There is no investigation warehouse; contact the aid centre before closing the count.</source>
        <extracomment>Where the individual is now (its warehouse code), &quot;&quot; when it is with a patient or nowhere. Standing entries summed (individuals: those found); None while the line is not counted. Standing counts of the article that nobody has chosen between (after a sync): must be settled. (article number, difference) per article whose balance changed.</extracomment>
        <translation>Det finns inget utredningslager; kontakta Hjälpmedelscentralen innan inventeringen avslutas.</translation>
    </message>
    <message>
        <source>Only the own stock of {location} can be counted here; choose its warehouse.</source>
        <translation>Här kan bara det egna förrådet för {location} inventeras; välj dess lager.</translation>
    </message>
    <message>
        <source>The inventory count was not found; choose the warehouse again.</source>
        <translation>Inventeringen hittades inte; välj lagret igen.</translation>
    </message>
    <message>
        <source>This inventory count is already closed; start a new count to count again.</source>
        <translation>Inventeringen är redan avslutad; starta en ny inventering för att räkna igen.</translation>
    </message>
    <message>
        <source>Type the counted quantity (0 or more).</source>
        <translation>Skriv det inräknade antalet (0 eller mer).</translation>
    </message>
    <message>
        <source>A counted quantity cannot be negative: type 0 or more.</source>
        <translation>Ett inräknat antal kan inte vara negativt: skriv 0 eller mer.</translation>
    </message>
    <message>
        <source>{text} is not a whole number: type the number of units counted (0 or more).</source>
        <translation>{text} är inget heltal: skriv antalet räknade enheter (0 eller mer).</translation>
    </message>
    <message>
        <source>Type or scan an article number or an individual number.</source>
        <translation>Skriv eller skanna ett artikelnummer eller ett individnummer.</translation>
    </message>
    <message>
        <source>No article or individual has the number {number}.</source>
        <translation>Ingen artikel eller individ har numret {number}.</translation>
    </message>
    <message>
        <source>Article {number} is a service; services are not counted.</source>
        <translation>Artikel {number} är en tjänst; tjänster inventeras inte.</translation>
    </message>
    <message>
        <source>Article {number} is individually marked: scan or type each individual&apos;s number instead.</source>
        <translation>Artikel {number} är individmärkt: skanna eller skriv varje individs nummer i stället.</translation>
    </message>
    <message>
        <source>No individual has the number {number}.</source>
        <translation>Ingen individ har numret {number}.</translation>
    </message>
    <message>
        <source>The article was not found; type its number again.</source>
        <translation>Artikeln hittades inte; skriv dess nummer igen.</translation>
    </message>
    <message>
        <source>Article {number} was counted twice; choose which count stands before closing the count.</source>
        <translation>Artikel {number} räknades två gånger; välj vilken räkning som gäller innan inventeringen avslutas.</translation>
    </message>
    <message>
        <source>Individual {number} is not in the investigation warehouse; there is nothing to report.</source>
        <translation>Individ {number} finns inte på utredningslagret; det finns inget att meddela.</translation>
    </message>
    <message>
        <source>{location} holds no own stock to take the individual back into.</source>
        <translation>{location} har inget eget förråd att ta tillbaka individen till.</translation>
    </message>
    <message>
        <source>Individual {number} is not in stock, so it cannot be delivered.</source>
        <translation>Individ {number} finns inte i lager och kan därför inte lämnas ut.</translation>
    </message>
    <message>
        <source>Individual {number} is in {warehouse}, which does not belong to {location}: choose the service location that matches the warehouse.</source>
        <translation>Individ {number} finns i {warehouse}, som inte hör till {location}: välj det tjänsteställe som hör till lagret.</translation>
    </message>
    <message>
        <source>The individual was not found; scan it again.</source>
        <translation>Individen hittades inte; skanna den igen.</translation>
    </message>
    <message>
        <source>Choose an article first.</source>
        <translation>Välj en artikel först.</translation>
    </message>
    <message>
        <source>An individual is always one device.</source>
        <translation>En individ är alltid ett enda hjälpmedel.</translation>
    </message>
    <message>
        <source>Choose how the order is delivered.</source>
        <translation>Välj hur beställningen ska levereras.</translation>
    </message>
    <message>
        <source>A stock replenishment is always delivered to the clinic.</source>
        <translation>En lagerpåfyllnad levereras alltid till mottagningen.</translation>
    </message>
    <message>
        <source>Protected identity: everything is delivered to the prescribing unit.</source>
        <translation>Skyddad identitet: allt levereras till förskrivande enhet.</translation>
    </message>
    <message>
        <source>This order is delivered to the clinic, not to another address.</source>
        <translation>Den här beställningen levereras till mottagningen, inte till en annan adress.</translation>
    </message>
    <message>
        <source>Give street, postal code and city for the delivery.</source>
        <translation>Ange gatuadress, postnummer och ort för leveransen.</translation>
    </message>
    <message>
        <source>The user {username} does not exist or is inactive.</source>
        <translation>Användaren {username} finns inte eller är inaktiv.</translation>
    </message>
    <message>
        <source>The order has no lines: add an article first.</source>
        <translation>Beställningen har inga rader: lägg till en artikel först.</translation>
    </message>
    <message>
        <source>Choose the prescriber the order is made in the name of.</source>
        <translation>Välj den förskrivare som beställningen görs i namnet på.</translation>
    </message>
    <message>
        <source>Line {line}, {article}: a service purchase needs a comment saying what is bought.</source>
        <translation>Rad {line}, {article}: ett tjänsteköp måste ha en kommentar om vad som köps.</translation>
    </message>
    <message>
        <source>Purchase orders are made for a sent order that is still open.</source>
        <translation>Inköpsorder skapas för en skickad beställning som fortfarande är öppen.</translation>
    </message>
    <message>
        <source>Only the order&apos;s own service location can make its purchase orders.</source>
        <translation>Bara beställningens eget tjänsteställe kan skapa dess inköpsorder.</translation>
    </message>
    <message>
        <source>Every line of this order already has its purchase order.</source>
        <translation>Alla rader i beställningen har redan en inköpsorder.</translation>
    </message>
    <message>
        <source>The order has not been sent; remove its lines instead.</source>
        <translation>Beställningen har inte skickats; ta bort raderna i stället.</translation>
    </message>
    <message>
        <source>A withdrawal from own stock is already delivered and cannot be cancelled: register a return.</source>
        <translation>Ett uttag ur eget förråd är redan levererat och kan inte makuleras: registrera en retur.</translation>
    </message>
    <message>
        <source>The order is already cancelled.</source>
        <translation>Beställningen är redan makulerad.</translation>
    </message>
    <message>
        <source>Part of the order has been delivered, so it cannot be cancelled.</source>
        <translation>En del av beställningen har levererats, så den kan inte makuleras.</translation>
    </message>
    <message>
        <source>A purchase order exists for this order, so it cannot be cancelled: contact the aid centre.</source>
        <translation>Det finns en inköpsorder för beställningen, så den kan inte makuleras: kontakta Hjälpmedelscentralen.</translation>
    </message>
    <message>
        <source>Logistics has started on this order, so it cannot be cancelled: contact the aid centre.</source>
        <translation>Logistiken har påbörjat beställningen, så den kan inte makuleras: kontakta Hjälpmedelscentralen.</translation>
    </message>
    <message>
        <source>{text} is not an order number: give all 8 digits.</source>
        <translation>{text} är inget beställningsnummer: ange alla 8 siffror.</translation>
    </message>
    <message>
        <source>{user} does not work for the service location {code}.</source>
        <translation>{user} arbetar inte för tjänstestället {code}.</translation>
    </message>
    <message>
        <source>The patient is inactive: no new orders or activities. Contact the aid centre.</source>
        <translation>Patienten är inaktiv: inga nya beställningar eller aktiviteter. Kontakta Hjälpmedelscentralen.</translation>
    </message>
    <message>
        <source>This reserve number was replaced by {number}; the aids were moved there. Order on the new number.</source>
        <translation>Reservnumret har ersatts av {number}; hjälpmedlen har flyttats dit. Beställ på det nya numret.</translation>
    </message>
    <message>
        <source>Asylum seekers, undocumented patients, Swedes abroad and EU citizens are handled only by the region&apos;s own clinics, not by {location}: refer the patient to one of them.</source>
        <translation>Asylsökande, papperslösa, utlandssvenskar och EU-medborgare handläggs endast av regionens egna mottagningar, inte av {location}: hänvisa patienten till någon av dem.</translation>
    </message>
    <message>
        <source>Undocumented patient: prescriptions are registered by the aid centre (VO Hjälpmedel), not at the desk. Contact VO Hjälpmedel to prescribe.</source>
        <translation>Papperslös patient: förskrivningar registreras av VO Hjälpmedel, inte i receptionen. Kontakta VO Hjälpmedel för att förskriva.</translation>
    </message>
    <message>
        <source>Reserve number, 18 or over: only needs that cannot wait. The prescriber has recorded the reason.</source>
        <translation>Reservnummer, 18 år eller äldre: endast behov som inte kan vänta. Förskrivaren har registrerat skälet.</translation>
    </message>
    <message>
        <source>Protected identity: the name is fictive and the address is the tax agency&apos;s forwarding address. Deliver everything to the prescribing unit.</source>
        <translation>Skyddad identitet: namnet är fingerat och adressen är Skatteverkets förmedlingsadress. Allt levereras till förskrivande enhet.</translation>
    </message>
    <message>
        <source>The phone number is missing: ask the patient and add it.</source>
        <translation>Telefonnummer saknas: fråga patienten och lägg till det.</translation>
    </message>
    <message>
        <source>Registered in {region}: hearing aids need the home region&apos;s payment commitment, and none is stored. Aids under 10 000 SEK without advanced fitting need none.</source>
        <translation>Folkbokförd i {region}: hörapparater kräver hemregionens betalningsförbindelse, och ingen finns sparad. Hjälpmedel under 10 000 kr utan avancerad utprovning kräver ingen.</translation>
    </message>
    <message>
        <source>Registered in {region}: payment commitment {reference} received {date}.</source>
        <translation>Folkbokförd i {region}: betalningsförbindelse {reference} mottagen {date}.</translation>
    </message>
    <message>
        <source>Deceased on {date}: the aids under Aids held must be returned; no new orders.</source>
        <translation>Avliden {date}: hjälpmedlen under Hjälpmedel ska returneras; inga nya beställningar.</translation>
    </message>
    <message>
        <source>Reserve number, under 18: the same rights to aids as residents. No patient fee up to 20 years.</source>
        <translation>Reservnummer, under 18 år: samma rätt till hjälpmedel som folkbokförda. Ingen patientavgift upp till 20 år.</translation>
    </message>
    <message>
        <source>LMA card valid until {date}.</source>
        <translation>LMA-kort giltigt till {date}.</translation>
    </message>
    <message>
        <source>Registered in {region}: payment commitment {reference} expired on {date}. Hearing aids and aids from 10 000 SEK need a valid one: store the new commitment first.</source>
        <translation>Folkbokförd i {region}: betalningsförbindelse {reference} gick ut {date}. Hörapparater och hjälpmedel från 10 000 kr kräver en giltig: spara den nya betalningsförbindelsen först.</translation>
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
        <source>For an aid that is sent to the supplier for a warranty repair, only when you judge it to be a warranty matter. A repair outside the warranty is ordered as a service purchase instead.</source>
        <extracomment>The kinds in the order the wizard offers them. R24: hearing-technical services, one aid each (002: &quot;Endast en aktivitet per installation&quot;). R24 dismantling, R25 repair of installed aids: &quot;Gäller endast barn!&quot; Kinds that concern aids the patient holds and need a service product (R23–R25); R26 has neither. A fault to describe for the supplier&apos;s sheet (R23) and for a repair of an installed aid (R25). Closing may say &quot;Not warranty&quot; (002: &quot;Ej garanti&quot;). The device is with the supplier while the activity is open (R23); renumbered when replaced (R37). R27, in order; closing (``close_activity``) is the last step. What the wizard shows when a kind is chosen (002: &quot;infotext … hur aktivitetstypen ska användas&quot;).</extracomment>
        <translation>När ett hjälpmedel behöver skickas till leverantören för garantireparation, endast när du anser att det är en garantiåtgärd. En reparation utanför garantin beställs i stället som ett tjänsteköp.</translation>
    </message>
    <message>
        <source>When the patient needs help with the installation of a hearing-technical aid. The aid must have been delivered to the patient first. One activity per installation: choose one aid and write in the wanted action if there are more to install.</source>
        <translation>När patienten behöver hjälp med installation av ett hörseltekniskt hjälpmedel. Hjälpmedlet måste först vara levererat till patienten. En aktivitet per installation: välj ett hjälpmedel och skriv i önskad åtgärd om fler ska installeras.</translation>
    </message>
    <message>
        <source>Warranty on an installation already made. The aid must have been delivered to the patient; one activity per installation.</source>
        <translation>Garanti på en redan utförd installation. Hjälpmedlet måste vara levererat till patienten; en aktivitet per installation.</translation>
    </message>
    <message>
        <source>Dismantling of installed hearing-technical aids: for children only. The aid must have been delivered to the patient; one activity per installation.</source>
        <translation>Nedmontering av installerade hörseltekniska hjälpmedel: gäller endast barn. Hjälpmedlet måste vara levererat till patienten; en aktivitet per installation.</translation>
    </message>
    <message>
        <source>Repair of a permanently installed hearing-technical aid: for children only. In the first place the patient, or a relative, takes the aid down and brings it back to the clinic. The aid must have been delivered to the patient.</source>
        <translation>Reparation av ett fast installerat hörseltekniskt hjälpmedel: gäller endast barn. I första hand monterar patienten själv eller en anhörig ner hjälpmedlet och lämnar det på mottagningen. Hjälpmedlet måste vara levererat till patienten.</translation>
    </message>
    <message>
        <source>An application for an individual prescription outside the assortment, when the assortment cannot meet the patient&apos;s need. No article is chosen and no address is needed; the application names the supplier, the product, its CE marking under MDR, the need and what was tried or considered.</source>
        <translation>Ansökan om enskild förskrivning utanför sortiment, när ordinarie sortiment inte kan tillgodose patientens behov. Ingen artikel väljs och ingen adress behövs; ansökan anger leverantör, produkt, CE-märkning enligt MDR, behovet och vad som provats eller övervägts.</translation>
    </message>
    <message>
        <source>Supplier</source>
        <extracomment>The headings of an outside-assortment application&apos;s text (R26), in the application&apos;s order.</extracomment>
        <translation>Leverantör</translation>
    </message>
    <message>
        <source>Supplier&apos;s article number</source>
        <translation>Leverantörens artikelnummer</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>Artikelbenämning</translation>
    </message>
    <message>
        <source>CE-marked under MDR</source>
        <translation>CE-märkt enligt MDR</translation>
    </message>
    <message>
        <source>The patient&apos;s need</source>
        <translation>Patientens behov</translation>
    </message>
    <message>
        <source>Products or measures tried or considered, and why</source>
        <translation>Produkter eller åtgärder som provats eller övervägts, och varför</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Warranty repair</source>
        <extracomment>Kind names inside the app&apos;s sentences (the UI&apos;s labels have their own context).</extracomment>
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
        <source>assigned</source>
        <extracomment>Status names inside the app&apos;s sentences.</extracomment>
        <translation>tilldelad</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>planerad</translation>
    </message>
    <message>
        <source>started</source>
        <translation>påbörjad</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>avslutad</translation>
    </message>
    <message>
        <source>The activity was not found; search for it again.</source>
        <translation>Aktiviteten hittades inte; sök efter den igen.</translation>
    </message>
    <message>
        <source>You work for no service location; contact the aid centre.</source>
        <translation>Du arbetar inte för något tjänsteställe; kontakta Hjälpmedel.</translation>
    </message>
    <message>
        <source>The patient&apos;s phone number is missing: ask the patient and add it on the record before making an activity.</source>
        <translation>Patientens telefonnummer saknas: fråga patienten och lägg in det på mottagaren innan du skapar en aktivitet.</translation>
    </message>
    <message>
        <source>{kind} is for children only, and the patient is {age}; contact the aid centre.</source>
        <translation>{kind} gäller endast barn, och patienten är {age} år; kontakta Hjälpmedel.</translation>
    </message>
    <message>
        <source>You do not work for the chosen service location; choose one of yours.</source>
        <translation>Du arbetar inte för det valda tjänstestället; välj ett av dina.</translation>
    </message>
    <message>
        <source>An outside-assortment application names no article and no aid: the product is described in the application.</source>
        <translation>En ansökan utanför sortiment anger ingen artikel och inget hjälpmedel: produkten beskrivs i ansökan.</translation>
    </message>
    <message>
        <source>Choose the service product.</source>
        <translation>Välj tjänsteprodukt.</translation>
    </message>
    <message>
        <source>Choose a service product from the list.</source>
        <translation>Välj en tjänsteprodukt i listan.</translation>
    </message>
    <message>
        <source>Tick the aid the activity concerns.</source>
        <translation>Bocka i hjälpmedlet som aktiviteten gäller.</translation>
    </message>
    <message>
        <source>One activity per installation: tick one aid only, and write in the wanted action if there are more to install.</source>
        <translation>En aktivitet per installation: bocka bara i ett hjälpmedel och skriv i önskad åtgärd om fler ska installeras.</translation>
    </message>
    <message>
        <source>One of the chosen aids is not held by this patient; open the record again and choose.</source>
        <extracomment>Statuses of an individual the patient still holds (as the record&apos;s &quot;Aids held&quot; list, R3). The name and address printed: for a protected identity the fictive name and the forwarding address.</extracomment>
        <translation>Ett av de valda hjälpmedlen finns inte hos patienten; öppna patienten igen och välj på nytt.</translation>
    </message>
    <message>
        <source>Individual {number} counts as delivered to the patient from {date}; the activity can be made from that day.</source>
        <translation>Individ {number} räknas som levererad till patienten från {date}; aktiviteten kan skapas från den dagen.</translation>
    </message>
    <message>
        <source>Individual {number} is not with the patient now (status: {status}); an activity can be made for a delivered aid.</source>
        <translation>Individ {number} finns inte hos patienten nu (status: {status}); en aktivitet kan skapas för ett levererat hjälpmedel.</translation>
    </message>
    <message>
        <source>Individual {number} already has the open activity {activity} of the same kind; one activity per installation or repair.</source>
        <translation>Individ {number} har redan den öppna aktiviteten {activity} av samma typ; en aktivitet per installation eller reparation.</translation>
    </message>
    <message>
        <source>A text may be at most {most} characters long.</source>
        <translation>En text får vara högst {most} tecken lång.</translation>
    </message>
    <message>
        <source>Describe the wanted action: what the supplier or technician is to do.</source>
        <translation>Beskriv önskad åtgärd: vad leverantören eller teknikern ska göra.</translation>
    </message>
    <message>
        <source>Describe the fault for the supplier.</source>
        <translation>Beskriv felet för leverantören.</translation>
    </message>
    <message>
        <source>The application must name the supplier.</source>
        <extracomment>R26: each point of the application and the sentence when it is missing.</extracomment>
        <translation>Ansökan måste ange leverantör.</translation>
    </message>
    <message>
        <source>The application must give the supplier&apos;s article number.</source>
        <translation>Ansökan måste ange leverantörens artikelnummer.</translation>
    </message>
    <message>
        <source>The application must give the product&apos;s name.</source>
        <translation>Ansökan måste ange artikelbenämning.</translation>
    </message>
    <message>
        <source>The application must say whether the product is CE-marked under MDR.</source>
        <translation>Ansökan måste ange om produkten är CE-märkt enligt MDR.</translation>
    </message>
    <message>
        <source>The application must describe the patient&apos;s need that the assortment cannot meet.</source>
        <translation>Ansökan måste beskriva patientens behov som ordinarie sortiment inte kan tillgodose.</translation>
    </message>
    <message>
        <source>The application must describe the products or measures tried or considered, and why; if none, why not and how the need was established.</source>
        <translation>Ansökan måste beskriva produkter eller åtgärder som provats eller övervägts, och varför; om inga, motivering och hur behovet har fastställts.</translation>
    </message>
    <message>
        <source>Give the whole address: street, postal code and city.</source>
        <translation>Ange hela adressen: gatuadress, postnummer och ort.</translation>
    </message>
    <message>
        <source>Activity {number} belongs to another service location; only that unit or the aid centre can change it.</source>
        <translation>Aktivitet {number} hör till ett annat tjänsteställe; bara den enheten eller Hjälpmedel kan ändra den.</translation>
    </message>
    <message>
        <source>Activity {number} is closed and can no longer be changed.</source>
        <translation>Aktivitet {number} är avslutad och kan inte längre ändras.</translation>
    </message>
    <message>
        <source>Close the activity with the action taken, or as not warranty.</source>
        <translation>Avsluta aktiviteten med utförd åtgärd, eller som ej garanti.</translation>
    </message>
    <message>
        <source>Activity {number} is already {status}; an activity&apos;s status only moves forward.</source>
        <translation>Aktivitet {number} är redan {status}; en aktivitets status går bara framåt.</translation>
    </message>
    <message>
        <source>Only a warranty activity can be closed as not warranty.</source>
        <translation>Bara en garantiaktivitet kan avslutas som ej garanti.</translation>
    </message>
    <message>
        <source>Write the action taken, or close it as not warranty if the warranty did not apply.</source>
        <translation>Skriv utförd åtgärd, eller avsluta som ej garanti om garantin inte gällde.</translation>
    </message>
    <message>
        <source>Only a warranty repair can give a device the number of the supplier&apos;s replacement.</source>
        <translation>Bara en garantireparation kan ge en individ numret på leverantörens ersättningsexemplar.</translation>
    </message>
    <message>
        <source>The chosen individual is not one of this activity&apos;s aids.</source>
        <translation>Den valda individen är inte ett av aktivitetens hjälpmedel.</translation>
    </message>
    <message>
        <source>This aid already got a new number from this activity (it was {number}); change it in the Individual tab if need be.</source>
        <translation>Hjälpmedlet har redan fått ett nytt nummer från den här aktiviteten (det var {number}); ändra det vid behov under fliken Individ.</translation>
    </message>
    <message>
        <source>{text} is not an activity number: give all 8 digits.</source>
        <translation>{text} är inget aktivitetsnummer: ange alla 8 siffror.</translation>
    </message>
    <message>
        <source>The order was not found; search again.</source>
        <translation>Beställningen hittades inte; sök igen.</translation>
    </message>
    <message>
        <source>Order {number} belongs to another patient.</source>
        <translation>Beställning {number} hör till en annan patient.</translation>
    </message>
    <message>
        <source>The patient was not found; search again.</source>
        <extracomment>Longest texts the clerk may type (a sheet stays readable; the columns are Text). Delivered to the patient by today (a delivery from the central warehouse counts from its day). The open activities (number, kind) the aid is on. Why the patient gets no new activity (a translatable template and its parameters), or &quot;&quot;. The patient&apos;s registered address; None for a protected identity (R5: everything via the unit). R32: the patient has a known infection; the work order says protective clothing is required. The number the device had before the supplier&apos;s replacement was renumbered from here (R37), or &quot;&quot;. The statuses it may be set to now (R27), closing not among them. A device of the activity may get the number of the supplier&apos;s replacement (R37).
----------
Statuses of a device the patient still holds (as the record&apos;s &quot;Aids held&quot;). The name and address printed: for a protected identity the fictive name and forwarding address. R43 moving out: the full invoice address (lines) and the contact person; empty when not given.
----------
R43 moving out: a main aid that is not individually marked and costs under this (SEK, a unit) is returned and scrapped from the list rather than sold to the new region (002).</extracomment>
        <translation>Patienten hittades inte; sök igen.</translation>
    </message>
    <message>
        <source>The service location was not found.</source>
        <translation>Tjänstestället hittades inte.</translation>
    </message>
    <message>
        <source>The user was not found.</source>
        <translation>Användaren hittades inte.</translation>
    </message>
    <message>
        <source>There are no delivered aids to put on a loan agreement.</source>
        <translation>Det finns inga levererade hjälpmedel att ta med i en låneförbindelse.</translation>
    </message>
    <message>
        <source>Record opened</source>
        <extracomment>The columns a hit shows: a list of hits is read as plain rows, not as ``Patient`` objects (the ORM&apos;s object building was most of the time a keystroke took).</extracomment>
        <translation>Patientuppgifterna öppnade</translation>
    </message>
    <message>
        <source>The phone number is required: type the patient&apos;s number.</source>
        <translation>Telefonnummer krävs: skriv patientens nummer.</translation>
    </message>
    <message>
        <source>{text} is not a phone number: use digits, e.g. 070-123 45 67.</source>
        <translation>{text} är inget telefonnummer: använd siffror, t.ex. 070-123 45 67.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was saved. The details are in the log file.</source>
        <extracomment>Names one kind of request of one page: only the newest request of a key is answered.</extracomment>
        <translation>Något oväntat gick fel; inget sparades. Detaljerna finns i loggfilen.</translation>
    </message>
    <message>
        <source>That refused change is no longer listed.</source>
        <extracomment>The history id of the central database this workstation syncs with (``HISTORY_HEADER``). The most downloaded changes applied in one transaction (several pages of a large download). The tables whose rows here this round wrote (rows downloaded, refused changes put back), so the screens showing them refresh; pages applied before a failure count too.</extracomment>
        <translation>Den avvisade ändringen finns inte längre i listan.</translation>
    </message>
    <message>
        <source>The central server did not take any of this workstation&apos;s changes; they wait here and the sync will be tried again.</source>
        <extracomment>A demo database syncs only with a training server, and checks it before it sends anything. The oldest changes waiting to go up, as SQLite stores them (ids as 32 hex digits, the payload and base as JSON text, the moment as ``YYYY-MM-DD HH:MM:SS.ffffff`` in UTC). After a restore of the central database: every change sent goes up again, but those the server refused. Room for the request&apos;s frame around the changes (brackets, the key names, ``sent_at``).</extracomment>
        <translation>Den centrala servern tog inte emot några av arbetsstationens ändringar; de väntar här och synkroniseringen försöks igen.</translation>
    </message>
    <message>
        <source>Changes from the central server do not fit this workstation&apos;s data; nothing was applied. Contact IT support if this message stays.</source>
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
        <source>This workstation is already set up (its database holds users, sync settings or an earlier first-start choice); the first-start choice changed nothing.</source>
        <extracomment>Node setting: &quot;1&quot; when this database holds demo data (never synced: node settings are local). Node setting: the first-start choice made on this workstation (a ``FirstStart`` value). The node setting sync keeps its server address in (``app.sync.settings.SERVER_URL``; named here too so the first-start check needs no sync module).</extracomment>
        <translation>Arbetsstationen är redan konfigurerad (databasen har användare, synkinställningar eller ett tidigare val vid första start); valet för första start ändrade ingenting.</translation>
    </message>
    <message>
        <source>The workstation token is empty; paste it again.</source>
        <translation>Arbetsstationens nyckel är tom; klistra in den igen.</translation>
    </message>
    <message>
        <source>The clinic&apos;s server does not accept this workstation name and token; check both with the administrator who gave them to you.</source>
        <translation>Mottagningens server godtar inte det här arbetsstationsnamnet och den här nyckeln; kontrollera båda med administratören som gav dig dem.</translation>
    </message>
    <message>
        <source>No server answers at this address; check the address and the network, then try again.</source>
        <translation>Ingen server svarar på den här adressen; kontrollera adressen och nätverket och försök sedan igen.</translation>
    </message>
    <message>
        <source>Type this workstation&apos;s name as the administrator gave it.</source>
        <translation>Skriv arbetsstationens namn så som administratören angav det.</translation>
    </message>
    <message>
        <source>Joining the clinic&apos;s server needs its address, this workstation&apos;s name and its token.</source>
        <translation>För att ansluta till mottagningens server behövs dess adress, arbetsstationens namn och dess nyckel.</translation>
    </message>
    <message>
        <source>Joining needs the workstation&apos;s token: give it in a file with --token-file FILE or in the environment variable {variable}, never on the command line.</source>
        <extracomment>The environment variable an unattended install may give the token in (never on the command line).</extracomment>
        <translation>Anslutningen behöver arbetsstationens nyckel: ange den i en fil med --token-file FIL eller i miljövariabeln {variable}, aldrig på kommandoraden.</translation>
    </message>
    <message>
        <source>The token file {path} cannot be read: {reason}.</source>
        <translation>Nyckelfilen {path} kan inte läsas: {reason}.</translation>
    </message>
    <message>
        <source>The central server cannot be reached; working offline. Changes wait here and nothing is lost.</source>
        <translation>Den centrala servern kan inte nås; arbetar frånkopplat. Ändringarna väntar här och inget går förlorat.</translation>
    </message>
    <message>
        <source>This workstation&apos;s token is not accepted by the central server; ask an administrator for a new one and enter it in the sync settings. Changes wait here and nothing is lost.</source>
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
    <message>
        <source>This computer&apos;s clock shows {workstation_time} but the central server&apos;s shows {server_time}. Set the date, time and time zone right, then sync again; the changes wait here and nothing is lost.</source>
        <translation>Datorns klocka visar {workstation_time} men den centrala serverns visar {server_time}. Ställ in rätt datum, tid och tidszon och synkronisera sedan igen; ändringarna väntar här och inget går förlorat.</translation>
    </message>
    <message>
        <source>This workstation holds demo data and cannot sync with the clinic&apos;s server (only with a training server); start a new workstation and join the clinic&apos;s server from there. Nothing here was changed.</source>
        <translation>Arbetsstationen har övningsdata och kan inte synkroniseras med mottagningens server (bara med en övningsserver); starta en ny arbetsstation och anslut till mottagningens server därifrån. Inget här ändrades.</translation>
    </message>
    <message>
        <source>This server is a training server for demo data; a workstation with the clinic&apos;s real data does not sync with it. Check the server address; nothing here was changed.</source>
        <translation>Servern är en övningsserver för övningsdata; en arbetsstation med mottagningens riktiga uppgifter synkroniseras inte med den. Kontrollera serveradressen; inget här ändrades.</translation>
    </message>
    <message>
        <source>Type at least 3 characters to search for articles.</source>
        <extracomment>Balance in the warehouse the search was made for; None when it shows no balance (750) or none given. A translatable template telling the clerk why nothing was searched (&quot;type at least 3 characters&quot;).
----------
How many rows of the full-text index match (a criterion of any length is a term of it, migration 0005).</extracomment>
        <translation>Skriv minst 3 tecken för att söka artiklar.</translation>
    </message>
    <message>
        <source>The purchase order was not found; search again.</source>
        <translation>Inköpsordern hittades inte; sök igen.</translation>
    </message>
    <message>
        <source>The article of the order line no longer exists.</source>
        <extracomment>R21: patients *over* this age (in completed years, on the order day) pay; up to and including it, nothing. R21: the patient fee per article whose fee rule says so (regional tariff). R7: asylum seekers and undocumented patients over 20 pay this patient fee instead (seed 001). R21: the self fee of a rechargeable hearing aid. R22: a charging kit, billed when received. What each kind of fee costs a resident patient over 20 (the demo data uses this too). R22: a charger invoice can be paused at the latest this many days before it goes out. Kinds billed when the line reaches the patient rather than when the order is sent. A fee in these states has not gone out yet: it can still be cancelled. The day it will be billed, or None when it is decided at receipt (charging kit, charger).</extracomment>
        <translation>Artikeln på beställningsraden finns inte längre.</translation>
    </message>
    <message>
        <source>Scan or type the charger&apos;s individual number.</source>
        <extracomment>The fees order lines already carry: (line id, kind) → the individuals billed (None: the line as a whole).</extracomment>
        <translation>Skanna eller skriv laddarens individnummer.</translation>
    </message>
    <message>
        <source>No individual has the number {number}; check the label and try again.</source>
        <translation>Ingen individ har numret {number}; kontrollera etiketten och försök igen.</translation>
    </message>
    <message>
        <source>The individual {number} has no charger invoice at {location}; check the number, or ask the unit that handed it out.</source>
        <translation>Individ {number} har ingen laddarfaktura hos {location}; kontrollera numret eller fråga enheten som lämnade ut den.</translation>
    </message>
    <message>
        <source>The invoice for charger {number} already went out on {bill_on} and can no longer be paused; contact the aid centre&apos;s administration unit.</source>
        <translation>Fakturan för laddare {number} skickades redan {bill_on} och kan inte längre pausas; kontakta Hjälpmedelscentralens administrativa enhet.</translation>
    </message>
    <message>
        <source>The invoice for charger {number} goes out on {bill_on}, less than two weeks from now, so it can no longer be paused here; contact the aid centre&apos;s administration unit.</source>
        <translation>Fakturan för laddare {number} skickas {bill_on}, om mindre än två veckor, så den kan inte längre pausas här; kontakta Hjälpmedelscentralens administrativa enhet.</translation>
    </message>
    <message>
        <source>Choose a pause end after {bill_on}, the day the invoice would go out anyway.</source>
        <translation>Välj ett slutdatum för pausen efter {bill_on}, dagen då fakturan ändå skulle skickas.</translation>
    </message>
    <message>
        <source>The period ends before it starts; choose an end on or after {start}.</source>
        <extracomment>&quot;Last, First (identity number)&quot;; for a protected identity the fictive name only (R5).</extracomment>
        <translation>Perioden slutar innan den börjar; välj ett slutdatum som är {start} eller senare.</translation>
    </message>
    <message>
        <source>Type or scan the purchase number or the order number of the delivery.</source>
        <extracomment>Priced 0 when ordered: the unit price must be given at receipt (R19). An individual number and a serial number are needed for each unit (R19). The article&apos;s GTIN-14 (a box&apos;s UDI names the line by it); None when the article has none. The number the clerk typed turned out to be this purchase order (&quot;&quot; when it was the order number). Identity and name; for a protected identity (R5) only the fictive name. &quot;&quot; for a replenishment. (individual number, serial number) per unit of an individually marked line (R19).</extracomment>
        <translation>Skriv eller skanna leveransens inköpsnummer eller beställningsnummer.</translation>
    </message>
    <message>
        <source>{number} is not a purchase or order number: those have 8 digits (year, week, running number).</source>
        <translation>{number} är inget inköps- eller beställningsnummer: de har 8 siffror (år, vecka, löpnummer).</translation>
    </message>
    <message>
        <source>{text} is not an amount in kronor; type it like 1 234,50.</source>
        <translation>{text} är inget belopp i kronor; skriv det som 1 234,50.</translation>
    </message>
    <message>
        <source>The quantity must be at least 1.</source>
        <translation>Antalet måste vara minst 1.</translation>
    </message>
    <message>
        <source>Order {number} belongs to {location}; it is received by someone working for that service location.</source>
        <translation>Beställning {number} hör till {location}; den kvitteras av någon som arbetar för det tjänstestället.</translation>
    </message>
    <message>
        <source>Order {number} is cancelled; there is nothing to receive.</source>
        <translation>Beställning {number} är makulerad; det finns inget att kvittera.</translation>
    </message>
    <message>
        <source>Order {number} is delivered from the central warehouse 70 and arrives already received; there is nothing to receive here.</source>
        <translation>Beställning {number} levereras från centrallager 70 och kommer redan kvitterad; det finns inget att kvittera här.</translation>
    </message>
    <message>
        <source>Everything on order {number} is already received or cancelled; there is nothing left.</source>
        <translation>Allt i beställning {number} är redan kvitterat eller makulerat; inget återstår.</translation>
    </message>
    <message>
        <source>No purchase order or order has the number {number}; check the number on the delivery note.</source>
        <translation>Ingen inköpsorder eller beställning har numret {number}; kontrollera numret på följesedeln.</translation>
    </message>
    <message>
        <source>The order no longer exists; refresh the list.</source>
        <translation>Beställningen finns inte längre; uppdatera listan.</translation>
    </message>
    <message>
        <source>Tick the lines first.</source>
        <translation>Markera raderna först.</translation>
    </message>
    <message>
        <source>A ticked line is not on order {number}; open the delivery again.</source>
        <translation>En markerad rad finns inte i beställning {number}; öppna leveransen igen.</translation>
    </message>
    <message>
        <source>Line {line} of order {number} is not waiting for a direct delivery (already received, cancelled or delivered from 70); open the delivery again.</source>
        <translation>Rad {line} i beställning {number} väntar inte på en direktleverans (redan kvitterad, makulerad eller levererad från 70); öppna leveransen igen.</translation>
    </message>
    <message>
        <source>Line {line} ({article}): type how many were delivered, or untick the line if nothing came.</source>
        <translation>Rad {line} ({article}): skriv hur många som levererades, eller avmarkera raden om inget kom.</translation>
    </message>
    <message>
        <source>Line {line} ({article}): {ordered} ordered but {delivered} delivered; a line cannot be partly received, so contact the aid centre and give order number {number}.</source>
        <translation>Rad {line} ({article}): {ordered} beställda men {delivered} levererade; en rad kan inte delkvitteras, så kontakta Hjälpmedelscentralen och uppge beställningsnummer {number}.</translation>
    </message>
    <message>
        <source>Line {line} ({article}) has no price: type the unit price from the delivery note (or its total, which is divided by the quantity).</source>
        <translation>Rad {line} ({article}) saknar pris: skriv styckpriset från följesedeln (eller summan, som delas med antalet).</translation>
    </message>
    <message>
        <source>Line {line} ({article}) is individually marked: type an individual number and a serial number for each of its {quantity} units.</source>
        <translation>Rad {line} ({article}) är individmärkt: skriv ett individnummer och ett serienummer för var och en av de {quantity} enheterna.</translation>
    </message>
    <message>
        <source>Individual number {number} is typed twice; each unit has its own number.</source>
        <translation>Individnummer {number} är inskrivet två gånger; varje enhet har ett eget nummer.</translation>
    </message>
    <message>
        <source>Serial number {serial} of {article} is typed twice; each unit has its own.</source>
        <translation>Serienummer {serial} för {article} är inskrivet två gånger; varje enhet har ett eget.</translation>
    </message>
    <message>
        <source>Individual number {number} already belongs to another device; check the label and type this unit&apos;s number.</source>
        <translation>Individnummer {number} hör redan till ett annat hjälpmedel; kontrollera etiketten och skriv den här enhetens nummer.</translation>
    </message>
    <message>
        <source>Serial number {serial} is already registered for {article}; check the label and type this unit&apos;s serial number.</source>
        <translation>Serienummer {serial} är redan registrerat för {article}; kontrollera etiketten och skriv den här enhetens serienummer.</translation>
    </message>
    <message>
        <source>{location} has no own stock to receive a replenishment into; contact the aid centre.</source>
        <translation>{location} har inget eget förråd att kvittera en lagerpåfyllnad till; kontakta Hjälpmedelscentralen.</translation>
    </message>
    <message>
        <source>This workstation has no document numbers left for week {week}. Connect it to the network so it can fetch more; nothing was saved.</source>
        <translation>Den här arbetsstationen har inga dokumentnummer kvar för vecka {week}. Anslut den till nätverket så att den kan hämta fler; inget sparades.</translation>
    </message>
    <message>
        <source>The central warehouse 70 is missing; contact the aid centre.</source>
        <translation>Centrallager 70 saknas; kontakta Hjälpmedelscentralen.</translation>
    </message>
    <message>
        <source>The central warehouse has only {held} devices of {article}; send the order again.</source>
        <translation>Centrallagret har bara {held} exemplar av {article}; skicka beställningen igen.</translation>
    </message>
    <message>
        <source>Device {number} of this order has already been used, so the order can no longer be cancelled: contact the aid centre.</source>
        <translation>Individ {number} i beställningen har redan använts, så beställningen kan inte längre makuleras: kontakta Hjälpmedelscentralen.</translation>
    </message>
    <message>
        <source>Only the aid centre reports dispatches from the central warehouse.</source>
        <translation>Endast Hjälpmedelscentralen rapporterar utleveranser från centrallagret.</translation>
    </message>
    <message>
        <source>No order has the number {number}.</source>
        <translation>Ingen beställning har numret {number}.</translation>
    </message>
    <message>
        <source>A dispatch day lies between the day the order was sent ({sent}) and today.</source>
        <translation>Utleveransdagen ligger mellan dagen beställningen skickades ({sent}) och i dag.</translation>
    </message>
    <message>
        <source>Choose the individuals to print labels for.</source>
        <translation>Välj de individer som ska få etiketter.</translation>
    </message>
    <message>
        <source>An individual to print a label for was not found; search again.</source>
        <translation>En individ som skulle få etikett hittades inte; sök igen.</translation>
    </message>
    <message>
        <source>In stock</source>
        <extracomment>What the clerk reads for each status.</extracomment>
        <translation>I lager</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reserverad</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Levererad</translation>
    </message>
    <message>
        <source>On its way back</source>
        <translation>På väg tillbaka</translation>
    </message>
    <message>
        <source>In repair</source>
        <translation>På reparation</translation>
    </message>
    <message>
        <source>In the investigation warehouse</source>
        <translation>I utredningslagret</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Spärrad</translation>
    </message>
    <message>
        <source>Scrapped</source>
        <translation>Skrotad</translation>
    </message>
    <message>
        <source>Returned to the supplier</source>
        <translation>Returnerad till leverantören</translation>
    </message>
    <message>
        <source>Individual {number} cannot change from &quot;{before}&quot; to &quot;{after}&quot;; check where the device really is.</source>
        <translation>Individ {number} kan inte ändras från ”{before}” till ”{after}”; kontrollera var hjälpmedlet verkligen finns.</translation>
    </message>
    <message>
        <source>A serial number cannot be changed at the desk; contact Hjälpmedel (hjalpmedel@skane.se) to have it changed.</source>
        <extracomment>R37: the seed&apos;s one contact for a device that got a new serial number (&quot;kontakta Hjälpmedel&quot;).</extracomment>
        <translation>Ett serienummer kan inte ändras i receptionen; kontakta Hjälpmedel (hjalpmedel@skane.se) för att få det ändrat.</translation>
    </message>
    <message>
        <source>The individual was not found; search again.</source>
        <extracomment>A part of a number shorter than this matches too much to be a search (R36: &quot;delar av ett individnummer&quot;). The history&apos;s kinds of event for a change of number (the old number is kept in the event&apos;s note). The patient holding (or about to hold) the device, as lists name a patient (R5); None when none. What a list needs to name a patient (``patient_label``), read as plain columns.
----------
R41: the residual value is the purchase price written off in a straight line over this many months from the purchase date (nothing left after it). The seed (003 §7.6) says &quot;restvärde&quot; but not how it is reckoned; six years is our assumption for a hearing aid&apos;s life (the usual interval before a new one is prescribed), kept as one named constant to set from the region&apos;s rules. R41: the administrative fee charged with the residual value. The seed names the fee but not its size; 300 SEK is an assumed figure, kept as one named constant to set from the region&apos;s price list. A device in one of these statuses may be reported lost: held by a patient, or lying in a warehouse.</extracomment>
        <translation>Individen hittades inte; sök igen.</translation>
    </message>
    <message>
        <source>Tick the confirmation that this is the individual that is to get the new number; the number was not changed.</source>
        <extracomment>An individual number as labels carry it: letters and digits (and inner dashes), 4 to 40 of them.</extracomment>
        <translation>Bocka i bekräftelsen att detta är den individ som ska byta nummer; numret ändrades inte.</translation>
    </message>
    <message>
        <source>Type the new individual number.</source>
        <translation>Skriv det nya individnumret.</translation>
    </message>
    <message>
        <source>{number} is not an individual number: use 4 to 40 digits or letters, as on the label.</source>
        <translation>{number} är inget individnummer: använd 4 till 40 siffror eller bokstäver, som på etiketten.</translation>
    </message>
    <message>
        <source>{number} is already this individual&apos;s number; type the new number.</source>
        <translation>{number} är redan den här individens nummer; skriv det nya numret.</translation>
    </message>
    <message>
        <source>Individual number {number} is already used by another individual; nothing was changed.</source>
        <translation>Individnummer {number} används redan av en annan individ; inget ändrades.</translation>
    </message>
    <message>
        <source>{text} is not a SIP number: write the number, @ and the SIP domain, e.g. 46401234567@sip.example.se.</source>
        <extracomment>R38: a SIP number is the address a device of alternative telephony registers with, ``number@domain`` (a SIP address of record, RFC 3261): the user part a telephone number of 4 to 20 digits (a leading + allowed), the domain a host name of at least two labels.</extracomment>
        <translation>{text} är inget SIP-nummer: skriv numret, @ och SIP-domänen, t.ex. 46401234567@sip.example.se.</translation>
    </message>
    <message>
        <source>SIP number {sip} is already used by another individual; nothing was changed.</source>
        <translation>SIP-nummer {sip} används redan av en annan individ; inget ändrades.</translation>
    </message>
    <message>
        <source>The warehouse was not found; choose it again.</source>
        <extracomment>Rows a balance list returns at most (the clerk narrows with a word, a node or a filter; the report has all). Movements an article&apos;s ledger shows at most, newest first. The warehouse&apos;s balance; None for a warehouse that shows none (750). Every article the conditions match, even beyond the rows returned; None when not counted yet. A translatable sentence saying why nothing was searched (&quot;type at least 3 characters&quot;). The balance per warehouse and article that triggers keep on a workstation (migration 0011). Filters that few balances of a warehouse pass: their lists start from those balances and sort what they find; the others walk the articles in name order (those below a reorder level: the few articles that have one, through their partial index) and stop at the page.</extracomment>
        <translation>Lagret hittades inte; välj det igen.</translation>
    </message>
    <message>
        <source>The warehouse {code} keeps no balance to report.</source>
        <translation>Lagret {code} har inget saldo att rapportera.</translation>
    </message>
    <message>
        <source>The scanned code&apos;s date ({ai}){value} does not exist; check the date on the label.</source>
        <translation>Datumet ({ai}){value} i den skannade koden finns inte; kontrollera datumet på etiketten.</translation>
    </message>
    <message>
        <source>The scanned GS1 code {hri} names no product: it has no GTIN (01).</source>
        <translation>Den skannade GS1-koden {hri} anger ingen produkt: den saknar GTIN (01).</translation>
    </message>
    <message>
        <source>The GTIN {gtin} in the scanned code has a wrong check digit: the last digit should be {expected}.</source>
        <translation>GTIN {gtin} i den skannade koden har fel kontrollsiffra: sista siffran ska vara {expected}.</translation>
    </message>
    <message>
        <source>The scanned code looks like a GS1 code but its fields cannot be read; type the numbers from the label instead.</source>
        <translation>Den skannade koden ser ut som en GS1-kod men dess fält kan inte läsas; skriv in numren från etiketten i stället.</translation>
    </message>
    <message>
        <source>The check character of the scanned HIBC code {text} is wrong: the last character should be {expected}.</source>
        <translation>Kontrolltecknet i den skannade HIBC-koden {text} är fel: sista tecknet ska vara {expected}.</translation>
    </message>
    <message>
        <source>The expiry date {value} in the scanned HIBC code does not exist; check the date on the label.</source>
        <translation>Utgångsdatumet {value} i den skannade HIBC-koden finns inte; kontrollera datumet på etiketten.</translation>
    </message>
    <message>
        <source>The scanned code {text} starts like an HIBC code but cannot be read; type the numbers from the label instead.</source>
        <translation>Den skannade koden {text} börjar som en HIBC-kod men kan inte läsas; skriv in numren från etiketten i stället.</translation>
    </message>
    <message>
        <source>{count} individuals have the serial number {serial}; search for it in the Individual tab and choose the right one.</source>
        <extracomment>An order or purchase order with lines still to receive through 750 (``app.receipts``). The order a purchase order belongs to (goods receipt opens the order); else the order&apos;s own id. Nothing found (or the code itself is wrong): one sentence for the clerk.</extracomment>
        <translation>{count} individer har serienumret {serial}; sök på det i fliken Individ och välj rätt individ.</translation>
    </message>
    <message>
        <source>The box&apos;s code names GTIN {gtin} and serial number {serial}, but no article has that GTIN and no individual that serial number.</source>
        <translation>Kartongens kod anger GTIN {gtin} och serienummer {serial}, men ingen artikel har det GTIN-numret och ingen individ det serienumret.</translation>
    </message>
    <message>
        <source>The box&apos;s code names GTIN {gtin}, but no article has that GTIN.</source>
        <translation>Kartongens kod anger GTIN {gtin}, men ingen artikel har det GTIN-numret.</translation>
    </message>
    <message>
        <source>The HIBC code names product {product} of labeler {labeler}, but no article has it as its supplier article number.</source>
        <translation>HIBC-koden anger produkt {product} från tillverkare {labeler}, men ingen artikel har det som leverantörens artikelnummer.</translation>
    </message>
    <message>
        <source>The HIBC code {text} holds only a lot, a serial number or a date; scan the box&apos;s other code (the product) instead.</source>
        <translation>HIBC-koden {text} innehåller bara ett batchnummer, ett serienummer eller ett datum; skanna kartongens andra kod (produkten) i stället.</translation>
    </message>
    <message>
        <source>{text} looks like a personal identity number, but no patient has it.</source>
        <extracomment>What a code that names nothing looked like (its most likely kind), and what was looked up.</extracomment>
        <translation>{text} ser ut som ett personnummer, men ingen patient har det.</translation>
    </message>
    <message>
        <source>{text} looks like a reserve number, but no patient has it.</source>
        <translation>{text} ser ut som ett reservnummer, men ingen patient har det.</translation>
    </message>
    <message>
        <source>{text} looks like an order, purchase, return, pickup or activity number, but no document, individual or article has it.</source>
        <translation>{text} ser ut som ett beställnings-, inköps-, retur-, hämtorder- eller aktivitetsnummer, men inget dokument, ingen individ och ingen artikel har det.</translation>
    </message>
    <message>
        <source>{text} looks like a GTIN, but no article or individual has it.</source>
        <translation>{text} ser ut som ett GTIN-nummer, men ingen artikel eller individ har det.</translation>
    </message>
    <message>
        <source>{text} looks like an article number, but no article or individual has it.</source>
        <translation>{text} ser ut som ett artikelnummer, men ingen artikel eller individ har det.</translation>
    </message>
    <message>
        <source>{text} looks like an individual number, but no individual or article has it.</source>
        <translation>{text} ser ut som ett individnummer, men ingen individ eller artikel har det.</translation>
    </message>
    <message>
        <source>{text} looks like a serial number, but no individual or article has it.</source>
        <translation>{text} ser ut som ett serienummer, men ingen individ eller artikel har det.</translation>
    </message>
    <message>
        <source>{text} looks like a SIP number, but no individual has it.</source>
        <translation>{text} ser ut som ett SIP-nummer, men ingen individ har det.</translation>
    </message>
    <message>
        <source>{text} is not a code Hearing Desk knows: not an individual, serial, SIP, article, GTIN, identity or document number.</source>
        <translation>{text} är ingen kod som Hearing Desk känner till: varken individ-, serie-, SIP-, artikel-, GTIN-, person- eller dokumentnummer.</translation>
    </message>
    <message>
        <source>The file {name} cannot be read.</source>
        <extracomment>Parsed at each call: a zxing-cpp object kept in a module global outlives the binding at exit. A form of the image to read: the image and the 2×3 affine map from its pixels back to the given image&apos;s.</extracomment>
        <translation>Filen {name} går inte att läsa.</translation>
    </message>
    <message>
        <source>The file {name} is not an image the program can read.</source>
        <translation>Filen {name} är ingen bild som programmet kan läsa.</translation>
    </message>
    <message>
        <source>Camera {number} cannot be opened: it is not connected, or another program is using it.</source>
        <extracomment>Reads that fail one after another before the camera counts as gone (unplugged, taken by another program). A code not seen for this long has left the view; seen again, it is a new scan. Time for decoding one frame (the retries stop there). How much nicer than the rest of the program the decoding thread is (Linux).</extracomment>
        <translation>Kamera {number} går inte att öppna: den är inte ansluten, eller så använder ett annat program den.</translation>
    </message>
    <message>
        <source>Camera {number} gives no picture: another program may be using it. Close that program and try again.</source>
        <translation>Kamera {number} ger ingen bild: ett annat program kanske använder den. Stäng det programmet och försök igen.</translation>
    </message>
    <message>
        <source>Camera {number} stopped giving pictures: check its cable, then try again. Codes read so far were kept.</source>
        <translation>Kamera {number} slutade ge bilder: kontrollera sladden och försök sedan igen. Koder som redan lästs finns kvar.</translation>
    </message>
    <message>
        <source>The pickup order was not found; search for it again.</source>
        <extracomment>For the patient&apos;s own papers (R5: the stored name, fictive for a protected identity; never an address). A return&apos;s reads, built once with the document&apos;s id as parameter (a document is printed from them).</extracomment>
        <translation>Hämtordern hittades inte; sök efter den igen.</translation>
    </message>
    <message>
        <source>A return receipt is printed for a return from a patient to own stock.</source>
        <translation>Ett returkvitto skrivs ut för en retur från patient till eget förråd.</translation>
    </message>
    <message>
        <source>A return slip is printed for a return to the supplier.</source>
        <translation>En retursedel skrivs ut för en retur till leverantör.</translation>
    </message>
    <message>
        <source>The product is complete, with its accessories, manual and original packaging.</source>
        <extracomment>What the clerk reads for each point of the checklist.</extracomment>
        <translation>Produkten är komplett, med tillbehör, bruksanvisning och originalförpackning.</translation>
    </message>
    <message>
        <source>Wiped with a soft, dry cloth (no water, cleaning fluid, solvent or alcohol that could damage it).</source>
        <translation>Avtorkad med en mjuk, torr tygtrasa (inte vatten, rengöringsvätska, lösningsmedel eller alkohol som kan skada den).</translation>
    </message>
    <message>
        <source>Sound and function checked.</source>
        <translation>Ljud och funktion kontrollerade.</translation>
    </message>
    <message>
        <source>Batteries removed.</source>
        <translation>Batterier avlägsnade.</translation>
    </message>
    <message>
        <source>Colour markings removed.</source>
        <translation>Färgmarkeringar avlägsnade.</translation>
    </message>
    <message>
        <source>Tubes, domes, earphones and ear inserts removed.</source>
        <translation>Slangar, domer, hörtelefoner och öroninsatser avlägsnade.</translation>
    </message>
    <message>
        <source>Filters, tube holders and other consumables checked.</source>
        <translation>Filter, slangfästen och andra förbrukningsdelar kontrollerade.</translation>
    </message>
    <message>
        <source>Manual, original packaging and case present and in good condition.</source>
        <translation>Bruksanvisning, originalförpackning och etui finns och är i bra skick.</translation>
    </message>
    <message>
        <source>The accessories delivered with the product are included.</source>
        <translation>Tillbehören som medföljde vid leverans finns med.</translation>
    </message>
    <message>
        <source>Sent to the central warehouse by post</source>
        <extracomment>The points a return to the supplier for credit must answer: the supplier credits a complete product in its packaging (the rest of the checklist prepares an aid for the next patient, which it will not meet). What the clerk reads for each destination, reason and pickup status.</extracomment>
        <translation>Skickas till centrallager med post</translation>
    </message>
    <message>
        <source>Return to own stock</source>
        <translation>Retur till eget förråd</translation>
    </message>
    <message>
        <source>Return to the supplier</source>
        <translation>Retur till leverantör</translation>
    </message>
    <message>
        <source>The model does not suit the patient</source>
        <translation>Modellen fungerar inte för patienten</translation>
    </message>
    <message>
        <source>Wrong order</source>
        <translation>Felbeställning</translation>
    </message>
    <message>
        <source>Patient deceased</source>
        <translation>Patient avliden</translation>
    </message>
    <message>
        <source>The patient changed their mind</source>
        <translation>Patienten har ångrat sig</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annat</translation>
    </message>
    <message>
        <source>Credit</source>
        <extracomment>R31: a return to the supplier has the one reason &quot;Kreditering&quot;.</extracomment>
        <translation>Kreditering</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrerad</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Makulerad</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returnerad</translation>
    </message>
    <message>
        <source>Only an individually marked device in your own stock can go back to the supplier for credit; for other aids, contact the aid centre.</source>
        <extracomment>R32: how a device involved in an incident is marked (the seed&apos;s words, kept in Swedish on paper). R31, said wherever a return to the supplier meets an aid that is not a device in own stock.</extracomment>
        <translation>Endast ett individmärkt hjälpmedel i ditt eget förråd kan returneras till leverantören för kreditering; för andra hjälpmedel, kontakta Hjälpmedel.</translation>
    </message>
    <message>
        <source>Your service location was not found; sign in again.</source>
        <translation>Ditt tjänsteställe hittades inte; logga in igen.</translation>
    </message>
    <message>
        <source>The central warehouse is missing; contact the aid centre.</source>
        <translation>Centrallagret saknas; kontakta Hjälpmedel.</translation>
    </message>
    <message>
        <source>Individual {number} is neither held by a patient nor in stock in your own stock, so it cannot be returned from here.</source>
        <translation>Individ {number} finns varken hos en patient eller i ditt eget förråd och kan därför inte returneras härifrån.</translation>
    </message>
    <message>
        <source>Choose the patient or the individual to return.</source>
        <translation>Välj patienten eller individen som ska returneras.</translation>
    </message>
    <message>
        <source>Write in the comment why the aid goes back to the supplier.</source>
        <translation>Skriv i kommentaren varför hjälpmedlet returneras till leverantören.</translation>
    </message>
    <message>
        <source>The patient is deceased: the reason for the return is &quot;Patient deceased&quot;.</source>
        <translation>Patienten är avliden: returorsaken är &quot;Patient avliden&quot;.</translation>
    </message>
    <message>
        <source>Write in the comment why the aid is returned (&quot;Other&quot;).</source>
        <translation>Skriv i kommentaren varför hjälpmedlet returneras (&quot;Annat&quot;).</translation>
    </message>
    <message>
        <source>{aid}: answer every point of the checklist.</source>
        <translation>{aid}: besvara checklistans alla punkter.</translation>
    </message>
    <message>
        <source>{aid}: write why a point of the checklist cannot be done.</source>
        <translation>{aid}: skriv varför en punkt i checklistan inte kan utföras.</translation>
    </message>
    <message>
        <source>{aid}: the patient has a known infection, so the aid must be cleaned before it is returned.</source>
        <translation>{aid}: patienten har känd smitta, så hjälpmedlet måste rengöras innan det returneras.</translation>
    </message>
    <message>
        <source>{aid} was involved in an incident: it is blocked for the aid consultant to investigate and cannot go back to the supplier for credit.</source>
        <translation>{aid} har varit inblandat i en avvikelse: det är spärrat för utredning av hjälpmedelskonsulent och kan inte returneras till leverantören för kreditering.</translation>
    </message>
    <message>
        <source>Choose at least one aid to return.</source>
        <translation>Välj minst ett hjälpmedel att returnera.</translation>
    </message>
    <message>
        <source>One of the chosen aids is no longer held here; start the return again.</source>
        <translation>Ett av de valda hjälpmedlen finns inte längre här; börja om returen.</translation>
    </message>
    <message>
        <source>{aid} is already on an open pickup order; it cannot be returned again.</source>
        <translation>{aid} finns redan på en öppen hämtorder och kan inte returneras igen.</translation>
    </message>
    <message>
        <source>{aid}: the quantity must be between 1 and {most}.</source>
        <translation>{aid}: antalet måste vara mellan 1 och {most}.</translation>
    </message>
    <message>
        <source>{location} holds no own stock: return the aids to the central warehouse with a pickup order.</source>
        <translation>{location} har inget eget förråd: returnera hjälpmedlen till centrallagret med en hämtorder.</translation>
    </message>
    <message>
        <source>The devices come from different suppliers: make one return slip per supplier.</source>
        <translation>Hjälpmedlen kommer från olika leverantörer: gör en retursedel per leverantör.</translation>
    </message>
    <message>
        <source>Pickup order {number} is &quot;{status}&quot;; only a registered pickup order can change.</source>
        <translation>Hämtorder {number} är &quot;{status}&quot;; endast en registrerad hämtorder kan ändras.</translation>
    </message>
    <message>
        <source>Only the pickup order&apos;s own service location can cancel it.</source>
        <translation>Endast hämtorderns eget tjänsteställe kan makulera den.</translation>
    </message>
    <message>
        <source>Only the aid centre closes a pickup order, when the central warehouse has taken it in.</source>
        <extracomment>The rows closing a pickup order writes get ids made from the line (uuid5), so two aid-centre workstations closing the same pickup order offline write the same rows: the server keeps the first and refuses the second, and the central warehouse&apos;s balance counts each aid once. Events that note a change of a device&apos;s numbers, not where it is (R37, R38).</extracomment>
        <translation>Endast Hjälpmedel avslutar en hämtorder, när centrallagret har returtagit hjälpmedlen.</translation>
    </message>
    <message>
        <source>Individual {number} is not on its way back (it is &quot;{status}&quot;): check where the device is; cancel the pickup order if it never came.</source>
        <translation>Individ {number} är inte på väg tillbaka (den är &quot;{status}&quot;): kontrollera var hjälpmedlet finns; makulera hämtordern om det aldrig kom.</translation>
    </message>
    <message>
        <source>{text} is not a return number: give all 8 digits.</source>
        <translation>{text} är inget returnummer: ange alla 8 siffrorna.</translation>
    </message>
    <message>
        <source>The return was not found; search for it again.</source>
        <translation>Returen hittades inte; sök efter den igen.</translation>
    </message>
    <message>
        <source>Individual {number} is neither held by a patient nor in a warehouse, so it cannot be reported lost here; contact the aid centre.</source>
        <translation>Individ {number} finns varken hos en patient eller i ett lager och kan inte anmälas förlorad här; kontakta Hjälpmedel.</translation>
    </message>
    <message>
        <source>A stolen aid needs the police report&apos;s reference: type it from the report.</source>
        <translation>Ett stulet hjälpmedel kräver polisanmälans diarienummer: skriv det från anmälan.</translation>
    </message>
    <message>
        <source>Only an aid with full function goes straight to another patient: confirm that it has been checked, or return it instead.</source>
        <translation>Bara ett hjälpmedel med full funktion går direkt till en annan patient: bekräfta att det är kontrollerat, eller returnera det i stället.</translation>
    </message>
    <message>
        <source>Individual {number} is not held by a patient (a pickup order or repair may be open), so it cannot change recipient.</source>
        <translation>Individ {number} finns inte hos en patient (en hämtorder eller reparation kan vara öppen) och kan inte byta mottagare.</translation>
    </message>
    <message>
        <source>The aid is already this patient&apos;s: choose the new recipient.</source>
        <translation>Hjälpmedlet tillhör redan den här patienten: välj den nya mottagaren.</translation>
    </message>
    <message>
        <source>{text} is not a price: type kronor, e.g. 4500 or 4500,50.</source>
        <translation>{text} är inget pris: skriv kronor, t.ex. 4500 eller 4500,50.</translation>
    </message>
    <message>
        <source>Only the aid centre&apos;s administration enters aids bought over from another region; send them the details.</source>
        <translation>Bara Administrationsenheten på Hjälpmedel lägger in hjälpmedel som köps över från annan region; skicka uppgifterna till dem.</translation>
    </message>
    <message>
        <source>{location} has no own stock to put the aid in; choose the clinic&apos;s service location.</source>
        <translation>{location} har inget eget förråd att lägga hjälpmedlet i; välj mottagningens tjänsteställe.</translation>
    </message>
    <message>
        <source>Type the patient&apos;s identity number.</source>
        <translation>Skriv patientens personnummer.</translation>
    </message>
    <message>
        <source>No patient has that identity number; the patient must be registered in the region first.</source>
        <translation>Ingen patient har det personnumret; patienten måste först vara folkbokförd i regionen.</translation>
    </message>
    <message>
        <source>Type the region the aid is bought from.</source>
        <translation>Skriv vilken region hjälpmedlet köps från.</translation>
    </message>
    <message>
        <source>Type the contact in the region who approved the purchase.</source>
        <translation>Skriv kontaktpersonen i regionen som godkänt köpet.</translation>
    </message>
    <message>
        <source>Type the supplier&apos;s article number of the aid.</source>
        <translation>Skriv leverantörens artikelnummer för hjälpmedlet.</translation>
    </message>
    <message>
        <source>Choose the aid&apos;s supplier.</source>
        <translation>Välj hjälpmedlets leverantör.</translation>
    </message>
    <message>
        <source>The age of the aid cannot be negative.</source>
        <translation>Hjälpmedlets ålder kan inte vara negativ.</translation>
    </message>
    <message>
        <source>The supplier has no article {number} in the catalogue; check the number, or ask the aid centre to add the article.</source>
        <translation>Leverantören har ingen artikel {number} i sortimentet; kontrollera numret eller be Hjälpmedel lägga upp artikeln.</translation>
    </message>
    <message>
        <source>{article} is individually marked: type its individual number and serial number.</source>
        <translation>{article} är individmärkt: skriv individnummer och serienummer.</translation>
    </message>
    <message>
        <source>Individual number {number} is already in use; check the label on the aid.</source>
        <translation>Individnummer {number} används redan; kontrollera etiketten på hjälpmedlet.</translation>
    </message>
    <message>
        <source>There is nothing on the list to return and scrap.</source>
        <translation>Det finns inget i listan att återlämna och skrota.</translation>
    </message>
    <message>
        <source>Only service purchases and main aids without an individual number that cost under 1 000 SEK are returned and scrapped; open the list again.</source>
        <translation>Bara tjänsteköp och huvudhjälpmedel utan individnummer som kostar under 1 000 kr återlämnas och skrotas; öppna listan igen.</translation>
    </message>
    <message>
        <source>Type the full invoice address (name, street or box, postal code and town) for the list.</source>
        <translation>Skriv fullständig fakturaadress (namn, gata eller box, postnummer och ort) för listan.</translation>
    </message>
    <message>
        <source>Type the contact person&apos;s name and phone number for the list.</source>
        <translation>Skriv kontaktpersonens namn och telefonnummer för listan.</translation>
    </message>
    <message>
        <source>The comment may be at most {most} characters long.</source>
        <extracomment>Where the aid goes back to, when it is not the ordering unit&apos;s address; None when it is.</extracomment>
        <translation>Kommentaren får vara högst {most} tecken lång.</translation>
    </message>
</context>
<context>
    <name>documents</name>
    <message>
        <source>Page {page} of {pages}</source>
        <extracomment>The region that owns and lends the aids; printed in every document&apos;s header. reportlab&apos;s frame pads its content by 6 pt; the page margins make up for it so text lines up with the header.</extracomment>
        <translation>Sida {page} av {pages}</translation>
    </message>
    <message>
        <source>The aids listed above are lent to you by {region}. They remain the property of the region; you may use them for as long as you need them.</source>
        <translation>Hjälpmedlen ovan lånas ut till dig av {region}. De tillhör fortfarande regionen; du får använda dem så länge du behöver dem.</translation>
    </message>
    <message>
        <source>Use the aids as you were shown and take good care of them: keep them clean, store them safely and follow the instructions that came with them.</source>
        <translation>Använd hjälpmedlen så som du har fått visat och var rädd om dem: håll dem rena, förvara dem säkert och följ bruksanvisningen som följde med.</translation>
    </message>
    <message>
        <source>The aids are for you only: do not lend, sell or give them to anyone else.</source>
        <translation>Hjälpmedlen är bara för dig: du får inte låna ut, sälja eller ge bort dem till någon annan.</translation>
    </message>
    <message>
        <source>When you no longer need an aid, return it cleaned to the prescribing unit. Aids must also be returned when the region asks for them.</source>
        <translation>När du inte längre behöver ett hjälpmedel lämnar du tillbaka det rengjort till förskrivande enhet. Hjälpmedel ska också lämnas tillbaka när regionen begär det.</translation>
    </message>
    <message>
        <source>If an aid is lost, stolen or damaged, tell the prescribing unit at once. You may have to pay for an aid that is lost, damaged, altered or not returned when asked.</source>
        <translation>Om ett hjälpmedel kommer bort, blir stulet eller skadas ska du genast meddela förskrivande enhet. Du kan bli skyldig att betala för ett hjälpmedel som har kommit bort, skadats, ändrats eller inte lämnats tillbaka när du blivit ombedd.</translation>
    </message>
    <message>
        <source>Contact the prescribing unit if an aid stops working or no longer suits you.</source>
        <translation>Kontakta förskrivande enhet om ett hjälpmedel slutar fungera eller inte längre passar dig.</translation>
    </message>
    <message>
        <source>When aids are lent to a child, the child&apos;s guardian is responsible for them.</source>
        <translation>När hjälpmedel lånas ut till ett barn ansvarar barnets vårdnadshavare för dem.</translation>
    </message>
    <message>
        <source>Loan agreement</source>
        <translation>Låneförbindelse</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>Låntagare</translation>
    </message>
    <message>
        <source>Activity: warranty repair</source>
        <extracomment>The longest comment printed on the sheet. The sheet&apos;s title for each kind of activity.</extracomment>
        <translation>Aktivitet: garantireparation</translation>
    </message>
    <message>
        <source>Activity: installation</source>
        <translation>Aktivitet: installation</translation>
    </message>
    <message>
        <source>Activity: warranty on installation</source>
        <translation>Aktivitet: garanti på installation</translation>
    </message>
    <message>
        <source>Activity: dismantling</source>
        <translation>Aktivitet: nedmontering</translation>
    </message>
    <message>
        <source>Activity: repair of installed aid</source>
        <translation>Aktivitet: reparation av installerat hjälpmedel</translation>
    </message>
    <message>
        <source>Activity: outside-assortment application</source>
        <translation>Aktivitet: enskild förskrivning utanför sortiment</translation>
    </message>
    <message>
        <source>Phone: {phone}</source>
        <translation>Telefon: {phone}</translation>
    </message>
    <message>
        <source>Activity {number}</source>
        <translation>Aktivitet {number}</translation>
    </message>
    <message>
        <source>PROTECTIVE CLOTHING REQUIRED: known infection.</source>
        <translation>SKYDDSKLÄDSEL KRÄVS: känd smitta.</translation>
    </message>
    <message>
        <source>Named in the application below.</source>
        <translation>Anges i ansökan nedan.</translation>
    </message>
    <message>
        <source>Ordering unit</source>
        <translation>Beställande enhet</translation>
    </message>
    <message>
        <source>Orderer</source>
        <translation>Beställare</translation>
    </message>
    <message>
        <source>Activity number: {number}</source>
        <translation>Aktivitetsnummer: {number}</translation>
    </message>
    <message>
        <source>Registered: {date}</source>
        <translation>Registrerad: {date}</translation>
    </message>
    <message>
        <source>Service product: {product}</source>
        <translation>Tjänsteprodukt: {product}</translation>
    </message>
    <message>
        <source>Return address</source>
        <translation>Returadress</translation>
    </message>
    <message>
        <source>The ordering unit above.</source>
        <translation>Beställande enhet ovan.</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivitet</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkter</translation>
    </message>
    <message>
        <source>Individual number</source>
        <translation>Individnummer</translation>
    </message>
    <message>
        <source>Fault description</source>
        <translation>Felbeskrivning</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Ansökan</translation>
    </message>
    <message>
        <source>Wanted action</source>
        <translation>Önskad åtgärd</translation>
    </message>
    <message>
        <source>Please quote the activity number on the delivery note and the invoice, and report the action taken to the ordering unit.</source>
        <translation>Ange aktivitetsnumret på följesedel och faktura, och återrapportera utförd åtgärd till beställande enhet.</translation>
    </message>
    <message>
        <source>Prescribing unit</source>
        <translation>Förskrivande enhet</translation>
    </message>
    <message>
        <source>Aids lent</source>
        <translation>Utlånade hjälpmedel</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Inventory count sheet</source>
        <translation>Inventeringsunderlag</translation>
    </message>
    <message>
        <source>Warehouse {code} {name}</source>
        <translation>Lager {code} {name}</translation>
    </message>
    <message>
        <source>Count started {date}</source>
        <translation>Inventering startad {date}</translation>
    </message>
    <message>
        <source>Count started {date} by {name}. Write the quantity found in the Counted column; for individually marked articles tick each individual number found. Main aids, accessories and spare parts only; services are not counted.</source>
        <translation>Inventering startad {date} av {name}. Skriv antalet som finns i kolumnen Inräknat; för individmärkta artiklar bockar du av varje individnummer som hittas. Endast huvudhjälpmedel, tillbehör och reservdelar; tjänster inventeras inte.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Benämning</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Inräknat</translation>
    </message>
    <message>
        <source>Individuals (tick)</source>
        <translation>Individer (bocka av)</translation>
    </message>
    <message>
        <source>Count signed by: ______________________________   Date: ______________</source>
        <translation>Inventerat av: ______________________________   Datum: ______________</translation>
    </message>
    <message>
        <source>Aid list</source>
        <translation>Hjälpmedelslista</translation>
    </message>
    <message>
        <source>Printed by: {name}</source>
        <translation>Utskriven av: {name}</translation>
    </message>
    <message>
        <source>Invoice address</source>
        <translation>Fakturaadress</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Aids held</source>
        <translation>Hjälpmedel hos patienten</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individ</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Serienummer</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Levererad</translation>
    </message>
    <message>
        <source>Price (SEK)</source>
        <translation>Styckpris (kr)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summa</translation>
    </message>
    <message>
        <source>The patient holds no aids.</source>
        <translation>Patienten har inga hjälpmedel.</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Beställning</translation>
    </message>
    <message>
        <source>Conditions of the loan</source>
        <translation>Villkor för lånet</translation>
    </message>
    <message>
        <source>I have received the aids above and accept the conditions of the loan.</source>
        <translation>Jag har tagit emot hjälpmedlen ovan och godkänner villkoren för lånet.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Borrower&apos;s signature (or guardian&apos;s)</source>
        <translation>Låntagarens underskrift (eller vårdnadshavarens)</translation>
    </message>
    <message>
        <source>Name in block letters</source>
        <translation>Namnförtydligande</translation>
    </message>
    <message>
        <source>For the prescribing unit: {name}, {unit}</source>
        <translation>För förskrivande enhet: {name}, {unit}</translation>
    </message>
    <message>
        <source>Signature for the prescribing unit</source>
        <translation>Underskrift för förskrivande enhet</translation>
    </message>
    <message>
        <source>Date: {date}</source>
        <translation>Datum: {date}</translation>
    </message>
    <message>
        <source>Printed {date}</source>
        <translation>Utskriven {date}</translation>
    </message>
    <message>
        <source>Purchase order</source>
        <translation>Inköpsorder</translation>
    </message>
    <message>
        <source>Pickup order</source>
        <extracomment>Where every hearing product goes back (002 &quot;Hämtorder&quot;: &quot;Skickas till&quot;). What the envelope is marked with (002), in the region&apos;s own word.</extracomment>
        <translation>Hämtorder</translation>
    </message>
    <message>
        <source>Email: {email}</source>
        <translation>E-post: {email}</translation>
    </message>
    <message>
        <source>Pickup address</source>
        <translation>Hämtadress</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>Skickas till</translation>
    </message>
    <message>
        <source>Mark the envelope {mark}.</source>
        <translation>Märk kuvertet med {mark}.</translation>
    </message>
    <message>
        <source>Pickup order number: {number}</source>
        <translation>Hämtordernummer: {number}</translation>
    </message>
    <message>
        <source>Pickup reason: {reason}</source>
        <translation>Hämtorderorsak: {reason}</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Pickup order {number}</source>
        <translation>Hämtorder {number}</translation>
    </message>
    <message>
        <source>Reason for the return</source>
        <translation>Anledning till retur</translation>
    </message>
    <message>
        <source>Aids</source>
        <translation>Hjälpmedel</translation>
    </message>
    <message>
        <source>Individual no.</source>
        <translation>Individnr</translation>
    </message>
    <message>
        <source>Serial no.</source>
        <translation>Serienr</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>Packning</translation>
    </message>
    <message>
        <source>Pack the aids in a padded envelope with this pickup order, mark the envelope {mark} and send it by post to the address above. The aids are not collected at your unit.</source>
        <translation>Packa hjälpmedlen i ett vadderat kuvert tillsammans med denna hämtorder, märk kuvertet med {mark} och skicka det med post till adressen ovan. Hjälpmedlen hämtas inte på er enhet.</translation>
    </message>
    <message>
        <source>The aids stay on the patient&apos;s list until the central warehouse has taken them in.</source>
        <translation>Hjälpmedlen ligger kvar på patientens hjälpmedelslista tills centrallagret har returtagit dem.</translation>
    </message>
    <message>
        <source>An aid was involved in an incident: mark it clearly &quot;{mark}&quot; (preferably on red paper) and tell the responsible aid consultant, who follows the return.</source>
        <translation>Ett hjälpmedel har varit inblandat i en avvikelse: märk det tydligt &quot;{mark}&quot; (gärna på rött papper) och kontakta ansvarig hjälpmedelskonsulent, som bevakar returen.</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Leverantör</translation>
    </message>
    <message>
        <source>Supplier number: {number}</source>
        <translation>Leverantörsnummer: {number}</translation>
    </message>
    <message>
        <source>Ordered by</source>
        <translation>Beställare</translation>
    </message>
    <message>
        <source>Contact: {contact}</source>
        <translation>Kontaktperson: {contact}</translation>
    </message>
    <message>
        <source>Delivery address</source>
        <translation>Leveransadress</translation>
    </message>
    <message>
        <source>Order details</source>
        <translation>Orderuppgifter</translation>
    </message>
    <message>
        <source>Purchase order number: {number}</source>
        <translation>Inköpsordernummer: {number}</translation>
    </message>
    <message>
        <source>Order date: {date}</source>
        <translation>Orderdatum: {date}</translation>
    </message>
    <message>
        <source>Our reference: order {number}</source>
        <translation>Vår referens: beställning {number}</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Rader</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Supplier&apos;s art. no.</source>
        <translation>Lev. art.nr</translation>
    </message>
    <message>
        <source>Our art. no.</source>
        <translation>Vårt art.nr</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Styckpris</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Belopp</translation>
    </message>
    <message>
        <source>Comment: {comment}</source>
        <translation>Kommentar: {comment}</translation>
    </message>
    <message>
        <source>Total (SEK)</source>
        <translation>Summa (kr)</translation>
    </message>
    <message>
        <source>Lines priced 0 are priced by the supplier; state the price on the delivery note.</source>
        <translation>Rader med pris 0 prissätts av leverantören; ange priset på följesedeln.</translation>
    </message>
    <message>
        <source>Please deliver to the address above and quote the purchase order number and our reference on the delivery note and the invoice.</source>
        <translation>Leverera till adressen ovan och ange inköpsordernumret och vår referens på följesedeln och fakturan.</translation>
    </message>
    <message>
        <source>Purchase order {number}</source>
        <translation>Inköpsorder {number}</translation>
    </message>
    <message>
        <source>Order date {date}</source>
        <translation>Orderdatum {date}</translation>
    </message>
    <message>
        <source>Blue – aid centre</source>
        <extracomment>One label as a label printer takes it: 62 × 29 mm. The A4 sheet: 3 columns × 8 rows of 70 × 37 mm cells, the label drawn in the middle of each. A printer dot at 300 dpi; a bar module is a whole number of them (at most 5). Code 128 wants a quiet zone of ten modules on each side of the bars. R40: the owner colours as printed (strong enough to tell apart on a thermal colour label or a sheet).</extracomment>
        <translation>Blå – hjälpmedelscentralen</translation>
    </message>
    <message>
        <source>Red – municipality</source>
        <translation>Röd – kommunen</translation>
    </message>
    <message>
        <source>Green – regional unit</source>
        <translation>Grön – regionens enhet</translation>
    </message>
    <message>
        <source>S/N {serial}</source>
        <extracomment>Symbol 99: in code set C the digits &quot;99&quot;, in sets A and B the switch to set C.</extracomment>
        <translation>S/N {serial}</translation>
    </message>
    <message>
        <source>Individual labels</source>
        <translation>Individetiketter</translation>
    </message>
    <message>
        <source>Main aid</source>
        <translation>Huvudhjälpmedel</translation>
    </message>
    <message>
        <source>Accessory</source>
        <translation>Tillbehör</translation>
    </message>
    <message>
        <source>Spare part</source>
        <translation>Reservdel</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Tjänst</translation>
    </message>
    <message>
        <source>Every article the warehouse holds</source>
        <translation>Alla artiklar i lagret</translation>
    </message>
    <message>
        <source>Articles with a balance</source>
        <translation>Artiklar med saldo</translation>
    </message>
    <message>
        <source>Articles with a zero balance</source>
        <translation>Artiklar med saldo noll</translation>
    </message>
    <message>
        <source>Articles below their reorder level</source>
        <translation>Artiklar under beställningspunkt</translation>
    </message>
    <message>
        <source>Articles with a negative balance</source>
        <translation>Artiklar med negativt saldo</translation>
    </message>
    <message>
        <source>Every article of the catalogue</source>
        <translation>Alla artiklar i katalogen</translation>
    </message>
    <message>
        <source>Stock balance report</source>
        <extracomment>Column widths (mm) of the report&apos;s table, and the columns aligned right.</extracomment>
        <translation>Lagersaldorapport</translation>
    </message>
    <message>
        <source>Warehouse {warehouse}</source>
        <translation>Lager {warehouse}</translation>
    </message>
    <message>
        <source>Printed {time}</source>
        <translation>Utskriven {time}</translation>
    </message>
    <message>
        <source>Warehouse: {warehouse}</source>
        <translation>Lager: {warehouse}</translation>
    </message>
    <message>
        <source>Selection: {selection}</source>
        <translation>Urval: {selection}</translation>
    </message>
    <message>
        <source>Printed {time} by {name}</source>
        <translation>Utskriven {time} av {name}</translation>
    </message>
    <message>
        <source>Articles: {count}</source>
        <translation>Antal artiklar: {count}</translation>
    </message>
    <message>
        <source>Art. no.</source>
        <translation>Artikelnr</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Reorder level</source>
        <translation>Beställningspunkt</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>No article matches the selection.</source>
        <translation>Ingen artikel motsvarar urvalet.</translation>
    </message>
    <message>
        <source>Return receipt</source>
        <translation>Returkvitto</translation>
    </message>
    <message>
        <source>Returned by</source>
        <translation>Returnerat av</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Mottaget av</translation>
    </message>
    <message>
        <source>Own stock {code}</source>
        <translation>Eget lager {code}</translation>
    </message>
    <message>
        <source>Return {number}</source>
        <translation>Retur {number}</translation>
    </message>
    <message>
        <source>Return number: {number}</source>
        <translation>Returnummer: {number}</translation>
    </message>
    <message>
        <source>Aids returned</source>
        <translation>Returnerade hjälpmedel</translation>
    </message>
    <message>
        <source>The aids above have been returned and are no longer on the patient&apos;s list.</source>
        <translation>Hjälpmedlen ovan har returnerats och finns inte längre på patientens hjälpmedelslista.</translation>
    </message>
    <message>
        <source>Return slip</source>
        <translation>Retursedel</translation>
    </message>
    <message>
        <source>Return reason: {reason}</source>
        <translation>Returorsak: {reason}</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Devices returned</source>
        <translation>Returnerade hjälpmedel</translation>
    </message>
    <message>
        <source>Returned for credit as agreed with the supplier: please send a credit invoice quoting the return number.</source>
        <translation>Returneras för kreditering enligt överenskommelse med leverantören: skicka en kreditfaktura med returnumret angivet.</translation>
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
        <source>Prescription from the aid service</source>
        <translation>Förskrivning från hjälpmedelsverksamheten</translation>
    </message>
    <message>
        <source>Prescription from own stock</source>
        <translation>Förskrivning från eget förråd</translation>
    </message>
    <message>
        <source>Individual from own stock</source>
        <translation>Individ från eget förråd</translation>
    </message>
    <message>
        <source>Replenishment of own stock</source>
        <translation>Lagerpåfyllnad av eget förråd</translation>
    </message>
    <message>
        <source>In the cart</source>
        <translation>I varukorgen</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrerad</translation>
    </message>
    <message>
        <source>Partly delivered</source>
        <translation>Delvis levererad</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Levererad</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Makulerad</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppen</translation>
    </message>
    <message>
        <source>Main aid</source>
        <translation>Huvudhjälpmedel</translation>
    </message>
    <message>
        <source>Accessory</source>
        <translation>Tillbehör</translation>
    </message>
    <message>
        <source>Spare part</source>
        <translation>Reservdel</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Tjänst</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Utgående</translation>
    </message>
    <message>
        <source>Outgone</source>
        <translation>Utgått</translation>
    </message>
    <message>
        <source>Patient fee</source>
        <translation>Patientavgift</translation>
    </message>
    <message>
        <source>Self fee</source>
        <translation>Egenavgift</translation>
    </message>
    <message>
        <source>Charging kit</source>
        <translation>Laddkit</translation>
    </message>
    <message>
        <source>Charger</source>
        <translation>Laddare</translation>
    </message>
    <message>
        <source>Lost device</source>
        <translation>Förlorat hjälpmedel</translation>
    </message>
    <message>
        <source>The aid service</source>
        <translation>Hjälpmedelsverksamheten</translation>
    </message>
    <message>
        <source>Own stock</source>
        <translation>Eget förråd</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>I lager</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reserverad</translation>
    </message>
    <message>
        <source>On its way to the central warehouse</source>
        <translation>På väg till centrallagret</translation>
    </message>
    <message>
        <source>In repair</source>
        <translation>På reparation</translation>
    </message>
    <message>
        <source>In the investigation warehouse</source>
        <translation>I utredningslagret</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Spärrad</translation>
    </message>
    <message>
        <source>Scrapped</source>
        <translation>Skrotad</translation>
    </message>
    <message>
        <source>Blue — the aid centre</source>
        <translation>Blå — Hjälpmedelscentralen</translation>
    </message>
    <message>
        <source>Red — a municipality</source>
        <translation>Röd — en kommun</translation>
    </message>
    <message>
        <source>Green — a regional unit</source>
        <translation>Grön — en regional enhet</translation>
    </message>
    <message>
        <source>Goods receipt</source>
        <translation>Kvittering</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>Uttag</translation>
    </message>
    <message>
        <source>Return from patient</source>
        <translation>Retur från patient</translation>
    </message>
    <message>
        <source>Return to supplier</source>
        <translation>Retur till leverantör</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Inventering</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Överföring</translation>
    </message>
    <message>
        <source>Bought over</source>
        <translation>Överköp</translation>
    </message>
    <message>
        <source>Delivery to the clinic/unit</source>
        <extracomment>The delivery methods of app.orders.DELIVERY_METHODS as the clerk reads them (R11).</extracomment>
        <translation>Leverans till mottagningen/enheten</translation>
    </message>
    <message>
        <source>Delivery to the patient&apos;s address</source>
        <translation>Leverans till patientens adress</translation>
    </message>
    <message>
        <source>Delivery to another address</source>
        <translation>Leverans till annan adress</translation>
    </message>
</context>
</TS>
