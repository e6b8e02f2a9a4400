package dev.pika.cli.validate;

import dev.pika.cli.common.Display;
import dev.pika.contract.Finding;
import dev.pika.contract.Severity;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code --format junit}: JUnit XML (the Ant/Surefire report layout Jenkins, GitLab, Azure Pipelines and the Maven
 * report plugins read), written when all inputs are done: one {@code <testsuite name="pika validate">} root. One {@code <testcase>} per input
 * ({@code classname="pika.validate.KIND"}, {@code name} = the path as given), one {@code <failure>} per error
 * finding ({@code type} = the rule id, {@code message} = {@code LINE:COL: message}, the text = the compiler-style
 * line and hint), an {@code <error type="unreadable">} for an input that could not be read or classified; warnings
 * that are not errors go to the case's {@code <system-out>}. The suite's {@code tests}, {@code failures} and
 * {@code errors} count inputs, invalid inputs and unreadable inputs. Text from the input is escaped
 * ({@link Display}) before the XML writer escapes markup: XML 1.0 cannot hold most control characters.
 */
final class JunitReport extends TextReport {
    /** Suite and root name. */
    static final String SUITE = "pika validate";

    JunitReport(Settings settings) {
        super(settings);
    }

    @Override
    public void document(Outcome o) {
        // the whole document is written by finish
    }

    @Override
    public void finish(List<Outcome> outcomes, Summary s) {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(settings.out());
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", SUITE);
            x.writeAttribute("tests", Integer.toString(outcomes.size()));
            x.writeAttribute("failures", Integer.toString(s.invalid()));
            x.writeAttribute("errors", Integer.toString(s.unreadable()));
            x.writeAttribute("skipped", Integer.toString(s.skipped()));
            x.writeAttribute("time", "0");
            for (Outcome o : outcomes) {
                testcase(x, o);
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
            settings.out().println(); // a text file ends with a newline
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the JUnit report: " + e.getMessage(), e);
        }
        settings.out().flush();
    }

    private void testcase(XMLStreamWriter x, Outcome o) throws XMLStreamException {
        x.writeCharacters("\n  ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", "pika.validate" + (o.kind() == null ? "" : "." + o.kind().id()));
        x.writeAttribute("name", Display.escape(o.source()));
        x.writeAttribute("time", "0");
        if (o.skipped() != null) {
            x.writeCharacters("\n    ");
            x.writeStartElement("skipped");
            x.writeAttribute("message", Display.escape(o.skipped()));
            x.writeEndElement();
        } else if (o.unreadable() != null) {
            x.writeCharacters("\n    ");
            x.writeStartElement("error");
            x.writeAttribute("type", "unreadable");
            x.writeAttribute("message", Display.escape(o.unreadable()));
            x.writeEndElement();
        } else {
            List<String> warnings = new ArrayList<>();
            for (Finding f : settings.shown(o.report())) {
                if (f.severity() != Severity.ERROR) {
                    warnings.add(line(f));
                    continue;
                }
                x.writeCharacters("\n    ");
                x.writeStartElement("failure");
                x.writeAttribute("type", Display.escape(f.rule()));
                x.writeAttribute("message", (f.line() > 0 ? f.line() + ":" + f.column() + ": " : "")
                        + Display.escape(f.message()));
                x.writeCharacters(line(f));
                x.writeEndElement();
            }
            if (!warnings.isEmpty()) {
                x.writeCharacters("\n    ");
                x.writeStartElement("system-out");
                x.writeCharacters(String.join("\n", warnings));
                x.writeEndElement();
            }
        }
        if (o.skipped() != null || o.unreadable() != null || !settings.shown(o.report()).isEmpty()) {
            x.writeCharacters("\n  ");
        }
        x.writeEndElement();
    }
}
