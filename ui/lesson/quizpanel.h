#pragma once

#include "predictionquiz.h"

#include <QWidget>

#include <optional>
#include <vector>

class LessonSession;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

// Training ▸ Quiz (Q): predict, then reveal. Before each phase the panel asks for the value
// that phase will compute for the selected weight's neuron or the weight itself (net and out
// for a forward phase, E_total, δ, ∂E_total/∂w, w⁺); the phase runs only once the student
// has typed a guess and pressed Enter, so no view can show the value earlier. The window
// hides what would give it away meanwhile (the table's outputs, E_total now, the plots'
// legends). After the phase the engine's value is revealed and the guess judged right within
// the teacher's tolerance (1% relative by default) or shown with its difference and the
// derivation (the narration line's sentence). The score counts the session's right answers.
class QuizPanel : public QWidget
{
    Q_OBJECT

public:
    explicit QuizPanel(LessonSession &session, QWidget *parent = nullptr);

    // On: asks about the current moment and takes the keyboard focus.
    void setActive(bool active);
    bool isActive() const { return m_active; }
    void setTolerance(double relative); // 0.01 = 1%
    void setScale(double scale);        // presentation mode and Ctrl+= / Ctrl+−
    double tolerance() const;
    const backprop::QuizScore &score() const { return m_score; }
    QString questionText() const;
    QString resultText() const;
    QLineEdit *guessEdit() const { return m_guess; }

signals:
    void activeChanged(bool active);

private:
    void showSnapshot(const backprop::Snapshot &snapshot);
    void submitGuess();
    void reveal(const backprop::Snapshot &after);
    void ask(const backprop::Snapshot &moment);
    void showQuestion();
    bool isStepAfterAsked(const backprop::Snapshot &snapshot) const;

    LessonSession &m_session;
    bool m_active = false;
    QLabel *m_question;
    QLineEdit *m_guess;
    QDoubleSpinBox *m_tolerance;
    QLabel *m_result;
    QLabel *m_scoreLine;
    std::vector<backprop::QuizQuestion> m_questions; // of the next phase
    std::vector<double> m_guesses;                   // typed so far, in order
    long long m_askedIteration = -1;
    int m_askedPhase = -1;
    bool m_stepRequested = false;
    backprop::QuizScore m_score;
};
