#include "quizpanel.h"

#include "lessonsession.h"
#include "numberformat.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include <cmath>

using namespace backprop;

QuizPanel::QuizPanel(LessonSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_question(new QLabel(this)),
      m_guess(new QLineEdit(this)), m_tolerance(new QDoubleSpinBox(this)),
      m_result(new QLabel(this)), m_scoreLine(new QLabel(this))
{
    setObjectName(QStringLiteral("quizPanel"));
    auto *layout = new QVBoxLayout(this);
    m_question->setWordWrap(true);
    m_question->setTextFormat(Qt::PlainText);
    m_guess->setPlaceholderText(tr("your prediction, then Enter"));
    m_guess->setAccessibleName(tr("Prediction"));
    m_tolerance->setRange(0.01, 50.0);
    m_tolerance->setDecimals(2);
    m_tolerance->setSingleStep(0.5);
    m_tolerance->setValue(1.0);
    m_tolerance->setSuffix(QStringLiteral(" %"));
    m_tolerance->setToolTip(tr("A guess is right when it differs from the value by at most this "
                               "share of the value"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_question);
    layout->addWidget(m_guess);
    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("Right within ±"), m_tolerance);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addWidget(m_scoreLine);
    layout->addStretch();
    m_scoreLine->setText(tr("Score: no answers yet"));
    connect(m_guess, &QLineEdit::returnPressed, this, &QuizPanel::submitGuess);
    connect(&m_session, &LessonSession::snapshotChanged, this, &QuizPanel::showSnapshot);
    setScale(1.0);
    setWhatsThis(tr("Predict, then reveal: type what the next phase will compute and press "
                    "Enter; the phase runs and shows whether you were right."));
}

void QuizPanel::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    m_stepRequested = false;
    if (active && m_session.snapshot())
        ask(*m_session.snapshot());
    if (active)
        m_guess->setFocus(Qt::ShortcutFocusReason);
    emit activeChanged(active);
}

void QuizPanel::setScale(double scale)
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * scale);
    setFont(font);
    font.setBold(true);
    m_question->setFont(font);
}

void QuizPanel::setTolerance(double relative)
{
    m_tolerance->setValue(relative * 100.0);
}

double QuizPanel::tolerance() const
{
    return m_tolerance->value() / 100.0;
}

QString QuizPanel::questionText() const
{
    return m_question->text();
}

QString QuizPanel::resultText() const
{
    return m_result->text();
}

// The moment one phase after the one asked about: the same iteration's next phase, or the
// next iteration's start after an update.
bool QuizPanel::isStepAfterAsked(const Snapshot &s) const
{
    // The update ends the iteration: the moment after it is the next one's start.
    const bool askedUpdate =
        !m_questions.empty() && m_questions.front().quantity == QuizQuestion::Quantity::Update;
    if (askedUpdate)
        return s.state.iteration == m_askedIteration + 1 && s.phaseIndex == 0
            && s.revealedNeurons == 0;
    return s.state.iteration == m_askedIteration && s.phaseIndex == m_askedPhase + 1
        && s.revealedNeurons == 0;
}

void QuizPanel::showSnapshot(const Snapshot &snapshot)
{
    if (!m_active)
        return;
    const bool samePlace = snapshot.state.iteration == m_askedIteration
        && snapshot.phaseIndex == m_askedPhase && snapshot.revealedNeurons == 0;
    if (samePlace && !m_stepRequested)
        return; // a selection or a setting changed: the question stays (its names may not)
    if (!m_questions.empty() && isStepAfterAsked(snapshot))
        reveal(snapshot);
    else
        m_result->clear();
    ask(snapshot);
}

void QuizPanel::ask(const Snapshot &moment)
{
    m_stepRequested = false;
    m_questions = quizQuestions(moment);
    m_guesses.clear();
    m_askedIteration = moment.state.iteration;
    m_askedPhase = moment.phaseIndex;
    showQuestion();
}

void QuizPanel::showQuestion()
{
    m_guess->clear();
    const Snapshot *moment = m_session.snapshot() ? &*m_session.snapshot() : nullptr;
    if (m_questions.empty() || !moment) {
        m_question->setText(tr("The quiz asks at the start of a phase: step to the end of this "
                               "one (Step by phase)."));
        m_guess->setEnabled(false);
        return;
    }
    m_guess->setEnabled(true);
    m_guess->setReadOnly(false);
    const QuizQuestion &q = m_questions[m_guesses.size()];
    const Phase phase = moment->phases[static_cast<std::size_t>(q.phaseIndex)];
    const QString sample = q.sample >= 0 && moment->dataset.sampleCount() > 1
        ? tr(" for sample %1").arg(q.sample + 1)
        : QString();
    m_question->setText(tr("Next: %1. What will %2%3 be?")
                            .arg(QString::fromStdString(phaseDescription(phase)),
                                 QString::fromStdString(q.name), sample));
}

void QuizPanel::submitGuess()
{
    if (m_questions.empty() || m_stepRequested)
        return;
    const std::optional<double> guess = NumberFormat::parse(m_guess->text());
    if (!guess) {
        m_result->setText(tr("\"%1\" is not a number: type a value such as 0.5933 or −0.0104.")
                              .arg(m_guess->text().trimmed()));
        m_guess->selectAll();
        return;
    }
    m_guesses.push_back(*guess);
    if (m_guesses.size() < m_questions.size()) {
        showQuestion();
        return;
    }
    m_stepRequested = true;
    m_guess->setReadOnly(true);         // keeps the keyboard focus for the next question
    m_session.step(Granularity::Phase); // the reveal comes with the next snapshot
}

void QuizPanel::reveal(const Snapshot &after)
{
    QStringList lines;
    for (std::size_t k = 0; k < m_questions.size(); ++k) {
        const QuizQuestion &q = m_questions[k];
        const QString name = QString::fromStdString(q.name);
        const std::optional<double> answer = quizAnswer(q, after);
        if (!answer)
            continue;
        const QString value = NumberFormat::shown(*answer);
        if (k >= m_guesses.size()) {
            lines << tr("%1 = %2 (no guess)").arg(name, value);
            continue;
        }
        const QuizVerdict verdict = judgeGuess(m_guesses[k], *answer, tolerance());
        m_score.add(verdict);
        const QString guess = NumberFormat::shown(m_guesses[k]);
        if (verdict.right) {
            lines << tr("Right: %1 = %2 (you said %3).").arg(name, value, guess);
        } else {
            const QString off = std::isfinite(verdict.relativeError)
                ? tr(", %1% off").arg(NumberFormat::significant(100 * verdict.relativeError, 2))
                : QString();
            lines << tr("Not quite: %1 = %2; you said %3, a difference of %4%5.")
                         .arg(name, value, guess, NumberFormat::shown(verdict.difference), off);
        }
    }
    // How the value comes about: for the last question (out after net: its sentence has both).
    const std::string derivation =
        quizDerivation(m_questions.back(), after, NumberFormat::digits());
    if (!derivation.empty())
        lines << QString::fromStdString(derivation);
    m_result->setText(lines.join(QLatin1Char('\n')));
    m_scoreLine->setText(tr("Score: %1 of %2 right").arg(m_score.right).arg(m_score.asked));
}
