<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ArticleSearchBox</name>
    <message numerus="yes">
        <source>%n articles found, showing the first {count}; add a word to narrow.</source>
        <translation>
            <numerusform>%n article found, showing the first {count}; add a word to narrow.</numerusform>
            <numerusform>%n articles found, showing the first {count}; add a word to narrow.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n articles found.</source>
        <translation>
            <numerusform>%n article found.</numerusform>
            <numerusform>%n articles found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CartLinesBox</name>
    <message numerus="yes">
        <source>Cart (%n lines)</source>
        <translation>
            <numerusform>Cart (%n line)</numerusform>
            <numerusform>Cart (%n lines)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeesPage</name>
    <message numerus="yes">
        <source>%n fees; still to bill {amount} kr</source>
        <translation>
            <numerusform>%n fee; still to bill {amount} kr</numerusform>
            <numerusform>%n fees; still to bill {amount} kr</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InventoryPage</name>
    <message numerus="yes">
        <source>%n lines have not been counted (for example {number}). Book them as 0?</source>
        <translation>
            <numerusform>%n line has not been counted (for example {number}). Book it as 0?</numerusform>
            <numerusform>%n lines have not been counted (for example {number}). Book them as 0?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MovingOutDialog</name>
    <message numerus="yes">
        <source>Return and scrap the %n line(s) listed from the patient&apos;s list?</source>
        <translation>
            <numerusform>Return and scrap the line listed from the patient&apos;s list?</numerusform>
            <numerusform>Return and scrap the %n lines listed from the patient&apos;s list?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientRecordView</name>
    <message numerus="yes">
        <source>Print a loan agreement for the %n selected aid(s).</source>
        <translation>
            <numerusform>Print a loan agreement for the %n selected aid.</numerusform>
            <numerusform>Print a loan agreement for the %n selected aids.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintLabelsDialog</name>
    <message numerus="yes">
        <source>%n labels</source>
        <translation>
            <numerusform>%n label</numerusform>
            <numerusform>%n labels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pages</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n labels sent to the printer.</source>
        <translation>
            <numerusform>%n label sent to the printer.</numerusform>
            <numerusform>%n labels sent to the printer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiptPage</name>
    <message numerus="yes">
        <source>Received %n lines of order {number}.</source>
        <translation>
            <numerusform>Received %n line of order {number}.</numerusform>
            <numerusform>Received %n lines of order {number}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Print labels for the %n received individuals…</source>
        <translation>
            <numerusform>Print the label for the received individual…</numerusform>
            <numerusform>Print labels for the %n received individuals…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n ticked lines of order {number}? They cannot be received afterwards, and you must tell the supplier yourself.</source>
        <translation>
            <numerusform>Cancel %n ticked line of order {number}? It cannot be received afterwards, and you must tell the supplier yourself.</numerusform>
            <numerusform>Cancel %n ticked lines of order {number}? They cannot be received afterwards, and you must tell the supplier yourself.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n lines of order {number}.</source>
        <translation>
            <numerusform>Cancelled %n line of order {number}.</numerusform>
            <numerusform>Cancelled %n lines of order {number}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReturnSearchDialog</name>
    <message numerus="yes">
        <source>%n return(s), newest first.</source>
        <translation>
            <numerusform>%n return, newest first.</numerusform>
            <numerusform>%n returns, newest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message numerus="yes">
        <source>%n articles found, showing the first {count}; add a word or choose an ISO code to narrow.</source>
        <translation>
            <numerusform>%n article found, showing the first {count}; add a word or choose an ISO code to narrow.</numerusform>
            <numerusform>%n articles found, showing the first {count}; add a word or choose an ISO code to narrow.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n articles found.</source>
        <translation>
            <numerusform>%n article found.</numerusform>
            <numerusform>%n articles found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ledger of {number} {name} in {warehouse}: %n movements</source>
        <translation>
            <numerusform>Ledger of {number} {name} in {warehouse}: %n movement</numerusform>
            <numerusform>Ledger of {number} {name} in {warehouse}: %n movements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusButton</name>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused change(s)</source>
        <translation>
            <numerusform>%n refused change</numerusform>
            <numerusform>%n refused changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ Running out of document numbers: %n left</source>
        <translation>
            <numerusform>⚠ Running out of document numbers: %n left</numerusform>
            <numerusform>⚠ Running out of document numbers: %n left</numerusform>
        </translation>
    </message>
</context>
</TS>
